namespace SupportBot.Bot.Security.Notifications;

/// <summary>
/// The body (JSON) of an outbox message of channel <see cref="EscalationNoticeSender.Channel"/>: tell every contact
/// on file of <paramref name="AccountRef"/>, old ones included, that case <paramref name="CaseId"/> was opened after
/// verification (docs/security.md B10). Carries no address and no code: the sender resolves both.
/// </summary>
public sealed record EscalationNoticeRequest(string CaseId, string AccountRef, string Language, string ConversationId, DateTimeOffset RequestedAt);
