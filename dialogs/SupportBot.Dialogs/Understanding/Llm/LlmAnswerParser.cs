using System.Text.Json;
using Microsoft.Extensions.AI;

namespace SupportBot.Dialogs.Understanding.Llm;

/// <summary>
/// Reads the LLM's answer strictly: text content only (any function or tool call is refused: the LLM has no tools,
/// A1), at most <see cref="MaxAnswerCharacters"/>, one JSON object with exactly <c>intent</c> (a label of the closed
/// set, spelled exactly) and <c>confidence</c> (a number in [0,1]). Anything else is a fallback.
/// </summary>
public static class LlmAnswerParser
{
    public const int MaxAnswerCharacters = 512;

    private static readonly JsonDocumentOptions s_json = new() { MaxDepth = 2, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    public static LlmIntentOutcome Parse(ChatResponse response, double minimumConfidence)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Messages.SelectMany(message => message.Contents).Any(content => content is not TextContent))
        {
            return LlmIntentOutcome.Fallback(LlmFallbackReason.UnexpectedContent, string.Join(',', response.Messages.SelectMany(m => m.Contents).Select(c => c.GetType().Name).Distinct()));
        }

        var text = response.Text;
        return text.Length > MaxAnswerCharacters
            ? LlmIntentOutcome.Fallback(LlmFallbackReason.TooLong, text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : ParseText(text, minimumConfidence);
    }

    public static LlmIntentOutcome ParseText(string text, double minimumConfidence)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, s_json);
        }
        catch (JsonException)
        {
            return LlmIntentOutcome.Fallback(LlmFallbackReason.Malformed, "not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return LlmIntentOutcome.Fallback(LlmFallbackReason.Malformed, "not an object");
            }

            string? label = null;
            double? confidence = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "intent" when property.Value.ValueKind == JsonValueKind.String && label is null:
                        label = property.Value.GetString();
                        break;
                    case "confidence" when property.Value.ValueKind == JsonValueKind.Number && confidence is null && property.Value.TryGetDouble(out var value):
                        confidence = value;
                        break;
                    default:
                        return LlmIntentOutcome.Fallback(LlmFallbackReason.Malformed, "unexpected or repeated property");
                }
            }

            if (label is null || confidence is not { } score || double.IsNaN(score) || score < 0 || score > 1)
            {
                return LlmIntentOutcome.Fallback(LlmFallbackReason.Malformed, "missing intent or confidence");
            }

            if (IntentLabels.FromLabel(label) is not { } intent)
            {
                return LlmIntentOutcome.Fallback(LlmFallbackReason.UnknownLabel);
            }

            return score < minimumConfidence
                ? LlmIntentOutcome.Fallback(LlmFallbackReason.LowConfidence)
                : new LlmIntentOutcome(new LlmIntentProposal(intent, score), LlmFallbackReason.None);
        }
    }
}
