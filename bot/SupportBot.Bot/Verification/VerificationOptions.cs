using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Verification;

/// <summary>
/// Code and throttle rules (docs/security.md §C), bound from section "Verification" and validated at start-up.
/// The ranges are the limits NIST SP 800-63B-4 allows; the defaults are stricter.
/// </summary>
public sealed class VerificationOptions
{
    /// <value>8 digits (C1 prefers 8 to 6).</value>
    [Range(6, 10)]
    public int CodeDigits { get; set; } = 8;

    /// <value>10 minutes, the most SP 800-63B allows for SMS.</value>
    [Range(typeof(TimeSpan), "00:01:00", "00:10:00")]
    public TimeSpan SmsCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <value>30 minutes; at most 24 hours.</value>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan EmailCodeLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Wrong entries one code survives.</summary>
    /// <value>5</value>
    [Range(1, 10)]
    public int MaxTriesPerCode { get; set; } = 5;

    /// <summary>Consecutive failures on an account (across all conversations) after which each new try must wait (backoff).</summary>
    /// <value>5, one code's worth of tries; SP 800-63B caps consecutive failures at 100.</value>
    [Range(3, 100)]
    public int PauseAfterFailures { get; set; } = 5;

    /// <summary>The first backoff wait; each further failure doubles it up to <see cref="PauseDuration"/>.</summary>
    /// <value>30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BackoffInitial { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest backoff wait.</summary>
    /// <value>1 hour.</value>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan PauseDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Consecutive failures after which chat verification stops and the slow path (recovery form, proofing) is offered.</summary>
    /// <value>20</value>
    [Range(5, 100)]
    public int SlowPathAfterFailures { get; set; } = 20;

    /// <summary>How long the slow path stays the only way after the last failure.</summary>
    /// <value>24 hours.</value>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan SlowPathDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long after a SIM change or number port SMS codes are not sent (docs/security.md B9, H8).</summary>
    /// <value>7 days.</value>
    [Range(typeof(TimeSpan), "1.00:00:00", "90.00:00:00")]
    public TimeSpan SimChangeWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>When masked contacts appear on the method buttons (docs/security.md D3).</summary>
    /// <value><see cref="ContactMaskDisplay.AfterFirstProof"/></value>
    public ContactMaskDisplay ContactMasks { get; set; } = ContactMaskDisplay.AfterFirstProof;

    /// <summary>At most one owner notice of each reason per account in this interval.</summary>
    /// <value>1 hour.</value>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan OwnerNoticeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <value>3 sends per hour per account, and per destination.</value>
    [Range(1, 20)]
    public int MaxSendsPerHour { get; set; } = 3;

    /// <value>10 sends per day per account, and per destination.</value>
    [Range(1, 100)]
    public int MaxSendsPerDay { get; set; } = 10;

    /// <summary>How long after a contact change the old contact still works and the new one does not.</summary>
    /// <value>7 days.</value>
    [Range(typeof(TimeSpan), "1.00:00:00", "90.00:00:00")]
    public TimeSpan ContactChangeWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Base64 HMAC key for code hashes and pseudonymous ids; when empty a key is created in the data folder.</summary>
    public string? HashKey { get; set; }
}
