using System.Text.Json.Serialization;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>What the page's token exchange returns: a token for a fresh user and a conversation not yet started.</summary>
internal sealed record DirectLineTokenExchangeResponse(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
