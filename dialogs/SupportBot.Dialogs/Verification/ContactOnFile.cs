namespace SupportBot.Dialogs.Verification;

/// <summary>A contact in an account's history: when it was added and, if it was, removed.</summary>
public sealed record ContactOnFile(string ContactId, ContactKind Kind, string Address, DateTimeOffset AddedAt, DateTimeOffset? RemovedAt, string Source);
