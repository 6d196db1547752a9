namespace SupportBot.Bot.Storage;

/// <summary>A conversation as a channel opened it: who the user is on which channel, and when.</summary>
public sealed record ConversationRecord(string ConversationId, string ChannelId, string UserId, DateTimeOffset CreatedAt);
