namespace SupportBot.Bot.Storage;

/// <summary>An account's consecutive failed verification attempts.</summary>
public sealed record AccountFailures(int Count, DateTimeOffset? LastFailureAt);
