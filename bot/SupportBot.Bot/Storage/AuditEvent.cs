namespace SupportBot.Bot.Storage;

/// <summary>
/// Something that happened, before it is chained. <see cref="DataJson"/> holds no secrets: no codes, no
/// contacts in clear, no passwords (the caller redacts; the log stores what it is given).
/// </summary>
public sealed record AuditEvent(
    string Type,
    DateTimeOffset At,
    string Actor,
    string? ConversationId,
    string? CaseId,
    string? AccountRef,
    string DataJson);
