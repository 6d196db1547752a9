using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Delivery;

/// <summary>
/// Drains the outbox: claims due messages, hands each to the sender of its channel, and retries with backoff
/// when a sender fails, so nothing is lost while a gateway is down. Each attempt runs through the channel's
/// <see cref="DeliveryResilience"/> pipeline (quick retries, circuit breaker); after
/// <see cref="DeliveryOptions.MaxAttempts"/> attempts, or at once for a permanent refusal, the message is dead and
/// an operator-visible error names it (id, channel, attempts, error type: never the recipient or the text).
/// </summary>
public sealed partial class OutboxDeliveryWorker(
    IOutbox outbox,
    OutboxWriter writer,
    IEnumerable<IMessageSender> senders,
    DeliveryResilience resilience,
    IOptions<DeliveryOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxDeliveryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan s_idleDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(2);
    private readonly DeliveryOptions _options = options.Value;

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

        // Configured senders are registered before the demo sink, so the first that handles the channel wins.
        var sender = Array.Find(_senders, candidate => candidate.Handles(stored.Channel));
        if (sender is null)
        {
            LogNoSender(logger, stored.Channel);
            await FailAsync(stored, "no sender for channel " + stored.Channel, permanent: false, cancellationToken);
            return;
        }

        try
        {
            var message = writer.Read(stored);
            await resilience.For(stored.Channel).ExecuteAsync(
                static async (state, token) => await state.sender.SendAsync(state.message, token), (sender, message), cancellationToken);
            await outbox.MarkDeliveredAsync(stored.MessageId, timeProvider.GetUtcNow(), cancellationToken);
        }
        catch (BrokenCircuitException)
        {
            // The gateway failed repeatedly just now: leave the message waiting instead of adding to the load.
            LogCircuitOpen(logger, stored.Channel);
            await FailAsync(stored, "circuit open", permanent: false, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not StorageException)
        {
            // Exception types only: gateway messages can quote the recipient or the request.
            var error = exception.GetType().Name;
            LogSendFailed(logger, stored.Channel, stored.Attempts, error);
            await FailAsync(stored, error, exception is DeliveryFailedException { Permanent: true }, cancellationToken);
        }
    }

    private async Task FailAsync(OutboxMessage stored, string error, bool permanent, CancellationToken cancellationToken)
    {
        var retryAt = permanent || stored.Attempts >= _options.MaxAttempts ? (DateTimeOffset?)null : Backoff(stored.Attempts);
        await outbox.MarkFailedAsync(stored.MessageId, error, retryAt, cancellationToken);
        if (retryAt is null)
        {
            LogDeadLetter(logger, stored.MessageId, stored.Channel, stored.Attempts, error);
        }
    }

    /// <summary>The next try after <paramref name="attemptsSoFar"/> attempts: doubling from the first backoff, capped.</summary>
    private DateTimeOffset Backoff(int attemptsSoFar)
    {
        var seconds = _options.FirstBackoff.TotalSeconds * Math.Pow(2, Math.Max(0, attemptsSoFar - 1));
        return timeProvider.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(_options.MaxBackoff.TotalSeconds, seconds));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No sender is configured for {Channel} messages; they stay in the outbox.")]
    private static partial void LogNoSender(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a {Channel} message failed (attempt {Attempt}): {Error}")]
    private static partial void LogSendFailed(ILogger logger, string channel, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Channel} gateway's circuit is open; messages wait in the outbox.")]
    private static partial void LogCircuitOpen(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "DEAD LETTER: outbox message {MessageId} ({Channel}) was not delivered after {Attempts} attempts ({Error}); it stays in the outbox with status 'dead' for an operator.")]
    private static partial void LogDeadLetter(ILogger logger, string messageId, string channel, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox is unreachable ({Reason}): {Message}")]
    private static partial void LogStorageDown(ILogger logger, StorageFailureReason reason, string message);
}
