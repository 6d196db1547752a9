namespace SupportBot.Bot.Verification.OwnerNotices;

/// <summary>
/// The body (JSON, camelCase) of an outbox message of channel <c>owner-notice</c>: a request to tell the owner of
/// <paramref name="AccountId"/> about <paramref name="Reason"/> through every contact on file, old ones included
/// (docs/security.md B10). The delivery side resolves the contacts and writes the localised notice with the
/// "this wasn't me" route; this request carries no address and no code.
/// </summary>
public sealed record OwnerNoticeRequest(string AccountId, string Reason, DateTimeOffset RequestedAt, string ConversationId);
