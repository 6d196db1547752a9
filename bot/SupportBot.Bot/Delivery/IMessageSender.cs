namespace SupportBot.Bot.Delivery;

/// <summary>Delivers outbound messages of one channel (SMTP, SMS gateway, the demo sink).</summary>
public interface IMessageSender
{
    /// <summary>Whether this sender delivers <paramref name="channel"/>.</summary>
    bool Handles(string channel);

    Task SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
