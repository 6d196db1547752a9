using System.Text.Json.Serialization;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>What starting or reconnecting to a conversation returns (DL-start-conversation, DL-reconnect).</summary>
internal sealed record DirectLineConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string StreamUrl);
