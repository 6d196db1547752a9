using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Localization.Tooling;
using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.CodeEntry;

/// <summary>
/// The code box (security.md A3): an Adaptive Card with one text input and a submit button, every label from
/// <c>locales/&lt;lang&gt;/code-entry.json</c>. Schema 1.5, which the renderer bundled with Web Chat 4.18 supports. It
/// depends only on the language, the box and the configured code length, so it is the same for every account
/// (existing, unknown, locked or disabled: security.md D1).
/// </summary>
public sealed class CodeEntryCard(ITextRenderer text)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The name the attachment carries, so clients (the terminal) know it is the code box.</summary>
    public const string AttachmentName = "code-entry";

    /// <summary>The box as an attachment for a reply in <paramref name="language"/>.</summary>
    public Attachment Render(CodeBox box, string language, int codeDigits)
    {
        var digits = new Dictionary<string, object?> { ["digits"] = codeDigits };
        // Keys spelled out (not composed) so the catalog checker sees each one used.
        var keys = box == CodeBox.SentCode
            ? (Title: "code-entry.card.sent.title", Label: "code-entry.card.sent.label", Placeholder: "code-entry.card.sent.placeholder", Error: "code-entry.card.sent.error")
            : (Title: "code-entry.card.recovery.title", Label: "code-entry.card.recovery.label", Placeholder: "code-entry.card.recovery.placeholder", Error: "code-entry.card.recovery.error");
        string Text(string key) => text.Render(language, key, digits);

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["lang"] = language,
            ["rtl"] = IsRightToLeft(language),
            ["fallbackText"] = text.Render(language, "code-entry.card.fallback"),
            ["body"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["text"] = Text(keys.Title),
                    ["weight"] = "Bolder",
                    ["size"] = "Medium",
                    ["style"] = "heading",
                    ["wrap"] = true,
                },
                new JsonObject
                {
                    ["type"] = "Input.Text",
                    ["id"] = CodeSubmission.CodeField,
                    ["label"] = Text(keys.Label),
                    ["placeholder"] = Text(keys.Placeholder),
                    // Digits get a phone keypad on mobiles; saved codes mix letters and digits.
                    ["style"] = box == CodeBox.SentCode ? "tel" : "text",
                    ["maxLength"] = box == CodeBox.SentCode ? codeDigits + 4 : 24,
                    ["isRequired"] = true,
                    ["errorMessage"] = Text(keys.Error),
                },
                new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["text"] = text.Render(language, "code-entry.card.privacy"),
                    ["isSubtle"] = true,
                    ["size"] = "Small",
                    ["wrap"] = true,
                }),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = text.Render(language, "code-entry.card.submit"),
                ["style"] = "positive",
                ["data"] = new JsonObject { ["action"] = box == CodeBox.SentCode ? CodeSubmission.SentCodeAction : CodeSubmission.RecoveryCodeAction },
            }),
        };

        return new Attachment
        {
            ContentType = ContentType,
            Name = AttachmentName,
            Content = JsonSerializer.SerializeToElement(card),
        };
    }

    /// <summary>The box an attachment is, or <see langword="null"/> for any other attachment.</summary>
    public static CodeBox? BoxOf(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (attachment.ContentType != ContentType || attachment.Name != AttachmentName || attachment.Content is not { } content
            || !content.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return actions.EnumerateArray()
            .Select(action => action.TryGetProperty("data", out var data) ? CodeSubmission.BoxOf(data) : null)
            .FirstOrDefault(found => found is not null);
    }

    private static bool IsRightToLeft(string language)
    {
        if (PseudoLocaleCatalogs.IsRightToLeft(language))
        {
            return true;
        }

        try
        {
            return CultureInfo.GetCultureInfo(language).TextInfo.IsRightToLeft;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
