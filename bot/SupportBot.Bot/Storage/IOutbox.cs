namespace SupportBot.Bot.Storage;

/// <summary>
/// Messages to deliver (codes, notifications), written before any attempt so a gateway outage loses nothing.
/// <see cref="OutboxMessage.Payload"/> is opaque to the store: the host protects it (it may contain a code) and
/// the store erases it once the message is delivered.
/// </summary>
public interface IOutbox
{
    Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxCount"/> pending messages due at <paramref name="now"/>, leased to this caller until <paramref name="leaseUntil"/>.</summary>
    /// <remarks>
    /// Oldest due first. Each claim counts as an attempt (<see cref="OutboxMessage.Attempts"/> is 1 on the first
    /// claim), so a message whose worker died with the lease still counts that try. A leased message is not
    /// claimed again before its lease runs out.
    /// </remarks>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int maxCount, CancellationToken cancellationToken);

    /// <summary>Marks delivered and erases the payload.</summary>
    Task MarkDeliveredAsync(string messageId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt; the message is due again at <paramref name="retryAt"/>, or dead when <see langword="null"/>.</summary>
    Task MarkFailedAsync(string messageId, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken);
}
