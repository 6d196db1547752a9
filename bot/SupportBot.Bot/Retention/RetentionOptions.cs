using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Retention;

/// <summary>
/// How long the bot keeps what it writes (section <c>Retention</c>, security.md G3). The defaults are the privacy
/// assessment's: transcripts 90 days, security events (the audit log) 2 years, aggregates 5 years.
/// </summary>
public sealed class RetentionOptions : IValidatableObject
{
    public const string SectionName = "Retention";

    /// <summary>Transcripts, conversation state and closed cases of conversations idle for longer than this.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Transcripts { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Audit records older than this are pruned behind a signed checkpoint.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan SecurityEvents { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Weekly aggregates (materialised by the report's <see cref="IRetentionPreparer"/>, which owns them).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "7300.00:00:00")]
    public TimeSpan Aggregates { get; set; } = TimeSpan.FromDays(1825);

    /// <summary>Delivered and dead-lettered outbox rows: the dead ones still hold an encrypted message with a code.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan OutboxRows { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the background worker prunes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RunEvery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The first run after start-up, so a host restarted every day still prunes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FirstRunAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Off only where another job prunes the same database.</summary>
    public bool Enabled { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SecurityEvents < Transcripts)
        {
            yield return new ValidationResult(
                "Retention:SecurityEvents must be at least Retention:Transcripts: a security event outlives the conversation it describes.",
                [nameof(SecurityEvents)]);
        }

        if (Aggregates < SecurityEvents)
        {
            yield return new ValidationResult("Retention:Aggregates must be at least Retention:SecurityEvents.", [nameof(Aggregates)]);
        }
    }
}
