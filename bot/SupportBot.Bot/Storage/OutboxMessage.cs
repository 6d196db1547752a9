namespace SupportBot.Bot.Storage;

/// <summary>A message waiting in (or gone through) the outbox.</summary>
/// <param name="Channel"><c>email</c> or <c>sms</c>.</param>
/// <param name="Payload">Protected by the host; erased (empty) after delivery.</param>
public sealed record OutboxMessage(
    string MessageId,
    string Channel,
    byte[] Payload,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    int Attempts,
    string Status,
    string? LastError);
