using System.Text.Json;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Dialogs.Tests.Understanding;

/// <summary>The shipped English training data and the held-out set, read from the repository.</summary>
/// <remarks>
/// The tests read the real files rather than copies, so a change to <c>locales/en/intents.json</c> that hurts
/// accuracy fails the build. The recognizer is trained once and shared: it is immutable and thread-safe.
/// </remarks>
internal static class EnglishNluData
{
    private static readonly Lazy<string> s_root = new(() => RepositoryRoot.Path);
    private static readonly Lazy<IntentTrainingSet> s_training = new(() =>
        IntentTrainingSet.Parse(File.ReadAllText(TrainingPath), "locales/en/intents.json"));

    private static readonly Lazy<LinearIntentRecognizer> s_recognizer = new(() => LinearIntentRecognizer.Train([Training]));

    public static string TrainingPath => Path.Combine(s_root.Value, "locales", "en", "intents.json");

    public static string HeldOutPath => Path.Combine(s_root.Value, "tests", "nlu", "en.heldout.jsonl");

    public static IntentTrainingSet Training => s_training.Value;

    public static LinearIntentRecognizer Recognizer => s_recognizer.Value;

    /// <summary>The held-out utterances, each with the intent a person would give it.</summary>
    public static IReadOnlyList<(string Text, Intent Intent)> HeldOut() =>
        [.. File.ReadLines(HeldOutPath)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line =>
            {
                using var json = JsonDocument.Parse(line);
                var text = json.RootElement.GetProperty("text").GetString()!;
                var label = json.RootElement.GetProperty("intent").GetString()!;
                return (text, IntentLabels.FromLabel(label) ?? throw new InvalidDataException($"Unknown intent '{label}' in {HeldOutPath}."));
            })];
}
