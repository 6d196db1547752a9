using System.Text.Json.Serialization;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>The body of a Direct Line error, <c>{"error":{"code","message"}}</c> (DL-send-activity).</summary>
internal sealed record DirectLineError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
