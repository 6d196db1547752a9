using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Delivery;

/// <summary>
/// Drains the outbox: claims due messages, hands each to the sender of its channel, and retries with backoff
/// when a sender fails, so nothing is lost while a gateway is down.
/// </summary>
public sealed partial class OutboxDeliveryWorker(
    IOutbox outbox,
    OutboxWriter writer,
    IEnumerable<IMessageSender> senders,
    TimeProvider timeProvider,
    ILogger<OutboxDeliveryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan s_idleDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(2);
    private const int MaxAttempts = 8;

    private readonly IMessageSender[] _senders = [.. senders];
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Asks the worker to look now instead of at its next tick (a code was just queued).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = await DeliverDueAsync(stoppingToken);
                if (delivered == 0)
                {
                    await _wake.WaitAsync(s_idleDelay, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (StorageException exception)
            {
                LogStorageDown(logger, exception.Reason, exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), timeProvider, stoppingToken);
            }
        }
    }

    /// <summary>Delivers what is due now; returns how many messages it handled.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var due = await outbox.ClaimDueAsync(now, now + s_lease, 20, cancellationToken);
        foreach (var message in due)
        {
            await DeliverAsync(message, cancellationToken);
        }

        return due.Count;
    }

    private async Task DeliverAsync(OutboxMessage stored, CancellationToken cancellationToken)
    {
        if (stored.Channel == "discard")
        {
            // The twin of a real send for an identifier that matched nothing: same writes, nothing leaves.
            await outbox.MarkDeliveredAsync(stored.MessageId, timeProvider.GetUtcNow(), cancellationToken);
            return;
        }

        var sender = Array.Find(_senders, candidate => candidate.Handles(stored.Channel));
        if (sender is null)
        {
            LogNoSender(logger, stored.Channel);
            await outbox.MarkFailedAsync(stored.MessageId, "no sender for channel " + stored.Channel, Backoff(stored.Attempts), cancellationToken);
            return;
        }

        try
        {
            await sender.SendAsync(writer.Read(stored), cancellationToken);
            await outbox.MarkDeliveredAsync(stored.MessageId, timeProvider.GetUtcNow(), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not StorageException)
        {
            LogSendFailed(logger, stored.Channel, stored.Attempts + 1, exception.GetType().Name);
            await outbox.MarkFailedAsync(stored.MessageId, exception.GetType().Name, Backoff(stored.Attempts), cancellationToken);
        }
    }

    private DateTimeOffset? Backoff(int attemptsSoFar) =>
        attemptsSoFar + 1 >= MaxAttempts
            ? null
            : timeProvider.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, attemptsSoFar)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "No sender is configured for {Channel} messages; they stay in the outbox.")]
    private static partial void LogNoSender(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a {Channel} message failed (attempt {Attempt}): {Error}")]
    private static partial void LogSendFailed(ILogger logger, string channel, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox is unreachable ({Reason}): {Message}")]
    private static partial void LogStorageDown(ILogger logger, StorageFailureReason reason, string message);
}
