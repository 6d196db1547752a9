using SupportBot.Dialogs.Understanding;
using Xunit;

namespace SupportBot.Dialogs.Tests.Understanding;

/// <summary>Keeps the English data honest: enough examples per intent, and a held-out set that stays held out.</summary>
public sealed class EnglishNluDataTests
{
    [Fact]
    public void Training_EveryIntent_HasAtLeastThirtyExamples()
    {
        var training = EnglishNluData.Training;
        foreach (var intent in IntentLabels.All)
        {
            Assert.True(training.Examples.TryGetValue(intent, out var examples), $"{intent.ToLabel()} has no examples.");
            Assert.True(examples.Count >= 30, $"{intent.ToLabel()} has {examples.Count} examples.");
        }
    }

    [Fact]
    public void HeldOut_EveryIntent_HasAtLeastTwelveUtterances()
    {
        var counts = EnglishNluData.HeldOut().CountBy(item => item.Intent).ToDictionary();
        foreach (var intent in IntentLabels.All)
        {
            Assert.True(counts.GetValueOrDefault(intent) >= 12, $"{intent.ToLabel()} has {counts.GetValueOrDefault(intent)} held-out utterances.");
        }
    }

    [Fact]
    public void HeldOut_NoUtterance_AppearsInTraining()
    {
        // Compared in the recognizer's normalised form: "Thank you!" would leak as much as "thank you".
        var training = EnglishNluData.Training.Examples.Values.SelectMany(list => list).Select(TextNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);
        var leaked = EnglishNluData.HeldOut().Where(item => training.Contains(TextNormalizer.Normalize(item.Text))).Select(item => item.Text).ToArray();
        Assert.Empty(leaked);
    }
}
