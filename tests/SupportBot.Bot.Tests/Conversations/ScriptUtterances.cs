using SupportBot.Bot.Tests.Understanding;
using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Bot.Tests.Conversations;

/// <summary>
/// "An utterance of intent X in language L" for a script: a line of L's held-out set (never trained on) that the
/// shipped recognizer gets right with the confidence the bot acts on, and whose language the detector names with
/// confidence. Scripts test conversations; the evaluation tests measure how many lines qualify.
/// </summary>
internal static class ScriptUtterances
{
    public static string For(string language, Intent intent)
    {
        var set = HeldOutSet.Read(language) ?? throw new InvalidOperationException($"tests/nlu/{language}.heldout.jsonl is missing.");
        var models = ShippedNluModels.Models;
        var threshold = new RecoveryEngineOptions().ClarifyBelowConfidence;
        var candidates = set.Where(item => item.Intent == intent).OrderBy(item => item.Romanized).ToList();
        foreach (var item in candidates)
        {
            var prediction = models.Recognizer.Recognize(item.Text, language);
            if (prediction.Intent != intent || prediction.Confidence < threshold)
            {
                continue;
            }

            var detected = models.Detector.Detect(item.Text);
            if (item.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= 2 && !(detected.Language == language && detected.IsSure))
            {
                continue;
            }

            return item.Text;
        }

        throw new InvalidOperationException($"{language}: no held-out utterance of {intent.ToLabel()} is recognised confidently ({candidates.Count} tried).");
    }
}
