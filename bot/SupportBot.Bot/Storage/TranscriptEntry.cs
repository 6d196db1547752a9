namespace SupportBot.Bot.Storage;

/// <summary>A stored activity and its place in the conversation.</summary>
public sealed record TranscriptEntry(string ConversationId, long Sequence, DateTimeOffset Timestamp, string ActivityJson);
