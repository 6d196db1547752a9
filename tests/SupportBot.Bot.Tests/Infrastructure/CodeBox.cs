using System.Text.Json;

namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>
/// The code box (security.md A3) as a client sees it: the Adaptive Card on the bot's last reply, and the value Web Chat
/// posts when the user fills its input and presses its submit button (the action's data merged with the inputs).
/// Tests send codes through here, as a real client does; typing a code in the chat is refused on card channels.
/// </summary>
public static class CodeBox
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The code box among <paramref name="replies"/> (the last one), or null when none carries it.</summary>
    public static JsonElement? Find(IEnumerable<JsonElement> replies) =>
        replies
            .Where(reply => reply.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
            .SelectMany(reply => reply.GetProperty("attachments").EnumerateArray())
            .Where(attachment => attachment.TryGetProperty("contentType", out var type) && type.GetString() == ContentType
                && attachment.TryGetProperty("content", out var content) && InputId(content) is not null)
            .Select(attachment => (JsonElement?)attachment.GetProperty("content"))
            .LastOrDefault();

    /// <summary>The id of the card's text input.</summary>
    public static string? InputId(JsonElement card) =>
        card.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Array
            ? body.EnumerateArray().Where(e => e.TryGetProperty("type", out var t) && t.GetString() == "Input.Text")
                .Select(e => e.GetProperty("id").GetString()).FirstOrDefault()
            : null;

    /// <summary>The submit action's <c>action</c> (<c>verify.code</c> or <c>verify.recovery-code</c>).</summary>
    public static string SubmitAction(JsonElement card) =>
        card.GetProperty("actions").EnumerateArray().First(a => a.GetProperty("type").GetString() == "Action.Submit")
            .GetProperty("data").GetProperty("action").GetString()!;

    /// <summary>
    /// The value Web Chat posts for <paramref name="code"/> typed into the box of <paramref name="replies"/>. Without a box
    /// (a client holding an older card), the action a box of the code's shape would have: letters make a saved recovery code.
    /// </summary>
    public static Dictionary<string, object?> Value(IEnumerable<JsonElement> replies, string code)
    {
        if (Find(replies) is { } card)
        {
            var data = card.GetProperty("actions").EnumerateArray().First(a => a.GetProperty("type").GetString() == "Action.Submit").GetProperty("data");
            var value = data.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal);
            value[InputId(card)!] = code;
            return value;
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["action"] = code.Any(char.IsLetter) ? "verify.recovery-code" : "verify.code",
            ["code"] = code,
        };
    }

    /// <summary>The activity Web Chat posts for a box submission: a message with a value and no text (docs/protocol.md §1b).</summary>
    public static object Activity(IEnumerable<JsonElement> replies, string code) =>
        new { type = "message", value = Value(replies, code), channelData = new { postBack = true } };
}
