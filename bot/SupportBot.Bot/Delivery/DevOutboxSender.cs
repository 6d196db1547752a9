using Microsoft.Extensions.Logging;

namespace SupportBot.Bot.Delivery;

/// <summary>
/// The demo delivery sink: keeps delivered messages in memory for <c>GET /dev/outbox</c> and prints them to the
/// console, so the recovery path can be tried without SMTP or SMS. Never registered in Production.
/// </summary>
public sealed partial class DevOutboxSender(TimeProvider timeProvider, ILogger<DevOutboxSender> logger) : IMessageSender
{
    private const int Capacity = 500;
    private readonly Lock _gate = new();
    private readonly LinkedList<DeliveredMessage> _delivered = new();

    public bool Handles(string channel) => channel is "email" or "sms" or Verification.OwnerNotices.OwnerNoticeRequester.Channel;

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var delivered = new DeliveredMessage(message.To, message.Channel, message.Text, timeProvider.GetUtcNow());
        lock (_gate)
        {
            _delivered.AddLast(delivered);
            if (_delivered.Count > Capacity)
            {
                _delivered.RemoveFirst();
            }
        }

        LogDelivered(logger, message.Channel, message.To, message.Text.ReplaceLineEndings(" "));
        return Task.CompletedTask;
    }

    /// <summary>Delivered messages, newest last.</summary>
    public IReadOnlyList<DeliveredMessage> Delivered()
    {
        lock (_gate)
        {
            return [.. _delivered];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "[demo outbox] {Channel} to {To}: {Text}")]
    private static partial void LogDelivered(ILogger logger, string channel, string to, string text);
}
