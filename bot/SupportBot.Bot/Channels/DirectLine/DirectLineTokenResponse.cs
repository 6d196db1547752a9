using System.Text.Json.Serialization;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>What <c>tokens/generate</c> and <c>tokens/refresh</c> return (DL-authentication).</summary>
internal sealed record DirectLineTokenResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
