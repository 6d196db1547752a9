namespace SupportBot.Dialogs.Understanding;

/// <summary>Thrown when intent training data is malformed; lists every problem found, not just the first.</summary>
/// <remarks>
/// Training data is written by localisation teams, so the message names the file and the label at fault and
/// reports all problems at once: one round-trip through <c>locales check</c> should be enough to fix a file.
/// </remarks>
public sealed class IntentTrainingDataException : FormatException
{
    /// <summary>Creates the exception for the problems found in <paramref name="sourceName"/>.</summary>
    /// <param name="sourceName">Where the data came from, e.g. <c>locales/en/intents.json</c>.</param>
    /// <param name="errors">One sentence per problem.</param>
    public IntentTrainingDataException(string sourceName, IReadOnlyList<string> errors)
        : base(FormatMessage(sourceName, errors))
    {
        SourceName = sourceName;
        Errors = errors;
    }

    /// <summary>Where the bad data came from, as given by the caller.</summary>
    public string SourceName { get; }

    /// <summary>Every problem found, one sentence each, in file order.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string FormatMessage(string sourceName, IReadOnlyList<string> errors) =>
        errors.Count == 1
            ? $"{sourceName}: {errors[0]}"
            : $"{sourceName}: {errors.Count} problems: {string.Join("; ", errors)}";
}
