using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace SupportBot.Bot.Delivery;

/// <summary>
/// One Polly pipeline per channel: a few quick retries with exponential backoff for transient gateway errors,
/// inside a circuit breaker so a gateway that is down is left alone (messages wait in the outbox) instead of
/// being hammered by every queued message.
/// </summary>
public sealed class DeliveryResilience(IOptions<DeliveryOptions> options, TimeProvider timeProvider)
{
    private readonly DeliveryOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, ResiliencePipeline> _pipelines = new(StringComparer.Ordinal);

    public ResiliencePipeline For(string channel) => _pipelines.GetOrAdd(channel, _ => Build());

    /// <summary>Whether a failure is worth another try: anything but a permanent refusal or an open circuit.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is not (OperationCanceledException or BrokenCircuitException)
        && !(exception is DeliveryFailedException { Permanent: true });

    private ResiliencePipeline Build()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (_options.RetriesPerAttempt > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = _options.RetriesPerAttempt,
                Delay = _options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = _options.RetryDelay > TimeSpan.Zero,
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                FailureRatio = 0.5,
                MinimumThroughput = _options.CircuitMinimumThroughput,
                SamplingDuration = _options.CircuitSamplingDuration,
                BreakDuration = _options.CircuitBreakDuration,
            })
            .Build();
    }
}
