using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Delivery;

/// <summary>How the outbox worker retries (<c>Delivery</c> section). Both layers exist so that a blip is absorbed
/// in-process while a long outage is carried by the durable outbox.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Attempts from the outbox before a message is dead-lettered (each attempt includes the in-process retries).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Immediate retries inside one attempt (Polly), for a gateway that answers 503 once.</summary>
    [Range(0, 5)]
    public int RetriesPerAttempt { get; set; } = 2;

    /// <summary>First delay between in-process retries; doubles each time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>First outbox backoff after a failed attempt; doubles per attempt, capped at <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a channel's circuit stays open after too many failures; sends then wait in the outbox.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failures within <see cref="CircuitSamplingDuration"/> (at least this many calls) that open a channel's circuit.</summary>
    [Range(2, 1000)]
    public int CircuitMinimumThroughput { get; set; } = 6;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);
}
