using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Delivery;

/// <summary>
/// Puts messages in the outbox with their content encrypted (it may contain a code), so the database never
/// holds a code in clear and a gateway outage loses nothing.
/// </summary>
public sealed class OutboxWriter(IOutbox outbox, IDataProtectionProvider protection, TimeProvider timeProvider)
{
    internal const string Purpose = "SupportBot.Outbox.v1";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public async Task<string> EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = timeProvider.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString("N");
        var payload = _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(message));
        await outbox.EnqueueAsync(new OutboxMessage(id, message.Channel, payload, now, now, 0, "pending", null), cancellationToken);
        return id;
    }

    internal OutboundMessage Read(OutboxMessage stored) =>
        JsonSerializer.Deserialize<OutboundMessage>(_protector.Unprotect(stored.Payload))
        ?? throw new InvalidOperationException("An outbox payload decrypted to nothing.");
}
