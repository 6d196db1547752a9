namespace SupportBot.Bot.Storage;

/// <summary>A chained audit record: <see cref="Hash"/> = SHA-256 over <see cref="PreviousHash"/> and the event's fields.</summary>
public sealed record AuditRecord(long Sequence, AuditEvent Event, string PreviousHash, string Hash);
