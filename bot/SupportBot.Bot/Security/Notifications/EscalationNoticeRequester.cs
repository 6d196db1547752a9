using System.Text.Json;
using SupportBot.Bot.Delivery;

namespace SupportBot.Bot.Security.Notifications;

/// <summary>
/// Queues the notice of a recovery escalation in the encrypted outbox, in the same turn as the case, so the notice
/// survives a crash or a gateway outage; the fan-out to each contact happens in the delivery worker.
/// </summary>
public sealed class EscalationNoticeRequester(OutboxWriter outbox, TimeProvider timeProvider)
{
    public async Task RequestAsync(string caseId, string accountRef, string language, string conversationId, CancellationToken cancellationToken)
    {
        var request = new EscalationNoticeRequest(caseId, accountRef, language, conversationId, timeProvider.GetUtcNow());
        await outbox.EnqueueAsync(
            new OutboundMessage(EscalationNoticeSender.Channel, accountRef, caseId, JsonSerializer.Serialize(request, JsonSerializerOptions.Web)),
            cancellationToken);
    }
}
