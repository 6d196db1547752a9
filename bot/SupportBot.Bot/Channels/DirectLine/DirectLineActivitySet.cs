using System.Text.Json.Serialization;
using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// <c>{"activities":[…],"watermark":"…"}</c>: a poll response and a stream frame. A frame of unstored activities
/// (typing) has no watermark, which DirectLineJS reads as "keep the previous one".
/// </summary>
internal sealed record DirectLineActivitySet(
    [property: JsonPropertyName("activities")] IReadOnlyList<Activity> Activities,
    [property: JsonPropertyName("watermark")] string? Watermark);
