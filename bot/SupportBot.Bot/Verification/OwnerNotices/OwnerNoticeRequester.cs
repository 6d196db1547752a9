using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Delivery;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Verification.OwnerNotices;

/// <summary>
/// Asks the delivery side to tell an account's owner about verification activity: at most one notice per reason
/// per <see cref="VerificationOptions.OwnerNoticeInterval"/>, through the encrypted outbox (channel
/// <see cref="Channel"/>, body <see cref="OwnerNoticeRequest"/>). An identifier that matched nothing has no owner:
/// the same writes are made and the message is discarded.
/// </summary>
public sealed class OwnerNoticeRequester(
    IOwnerNoticeStore store,
    OutboxWriter outbox,
    IAuditLog audit,
    IOptions<VerificationOptions> options,
    TimeProvider timeProvider)
{
    /// <summary>The outbox channel of owner notices.</summary>
    public const string Channel = "owner-notice";

    public async Task RequestAsync(string accountKey, string reason, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountKey);
        var now = timeProvider.GetUtcNow();
        if (!await store.TryRecordAsync(accountKey, reason, now, now - options.Value.OwnerNoticeInterval, cancellationToken))
        {
            return;
        }

        var owned = !accountKey.StartsWith(VerificationService.UnknownAccountPrefix, StringComparison.Ordinal);
        var body = JsonSerializer.Serialize(new OwnerNoticeRequest(accountKey, reason, now, conversationId), JsonSerializerOptions.Web);
        await outbox.EnqueueAsync(new OutboundMessage(owned ? Channel : "discard", accountKey, reason, body), cancellationToken);
        await audit.AppendAsync(
            new AuditEvent("owner_notice_requested", now, "bot", conversationId, null, accountKey, JsonSerializer.Serialize(new { reason })),
            cancellationToken);
    }
}
