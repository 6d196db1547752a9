namespace SupportBot.Dialogs.Localization;

/// <summary>The text of a formatted message and the arguments it needed but did not get.</summary>
/// <remarks>
/// Formatting never throws: a missing argument is shown as a visible <c>{name}</c> placeholder and listed here, so the
/// caller can log it and the user still gets a sentence. A struct so that the common complete case allocates nothing
/// beyond the text.
/// </remarks>
/// <param name="Text">The formatted text.</param>
/// <param name="MissingArguments">Arguments that were absent, null, or not a number where a number was needed; empty when complete.</param>
internal readonly record struct FormattedMessage(string Text, IReadOnlyList<string> MissingArguments)
{
    /// <summary>Whether every argument the message used was supplied.</summary>
    public bool IsComplete => MissingArguments.Count == 0;
}
