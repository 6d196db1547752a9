namespace SupportBot.Bot.Storage;

/// <summary>An activity to append, serialized and already redacted, without an id (the store's sequence gives it one).</summary>
public sealed record NewTranscriptEntry(DateTimeOffset Timestamp, string ActivityJson);
