using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Verification;

/// <summary>
/// How long an account's consecutive failures (across every conversation, channel and address) hold verification
/// back (docs/security.md C4, C5): nothing for the first few, then a wait that doubles from
/// <see cref="VerificationOptions.BackoffInitial"/> up to <see cref="VerificationOptions.PauseDuration"/>, and after
/// <see cref="VerificationOptions.SlowPathAfterFailures"/> the slow path (the account-recovery form) for
/// <see cref="VerificationOptions.SlowPathDuration"/>. It throttles, it never locks the owner out for good, and a
/// successful verification clears the count.
/// </summary>
public sealed class VerificationThrottle(VerificationOptions options)
{
    /// <summary>The wait in force after <paramref name="failures"/>, or <see langword="null"/> if none.</summary>
    public VerificationHold? HoldAt(AccountFailures failures, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.LastFailureAt is not { } last || failures.Count < options.PauseAfterFailures)
        {
            return null;
        }

        if (failures.Count >= options.SlowPathAfterFailures)
        {
            var slowUntil = last + options.SlowPathDuration;
            return slowUntil > now ? new VerificationHold(slowUntil, SlowPath: true) : null;
        }

        var until = last + Backoff(failures.Count);
        return until > now ? new VerificationHold(until, SlowPath: false) : null;
    }

    /// <summary>The wait after the <paramref name="failures"/>-th consecutive failure: 30 s, 1 min, 2 min … capped.</summary>
    public TimeSpan Backoff(int failures)
    {
        var doublings = Math.Clamp(failures - options.PauseAfterFailures, 0, 30);
        var seconds = options.BackoffInitial.TotalSeconds * Math.Pow(2, doublings);
        return TimeSpan.FromSeconds(Math.Min(seconds, options.PauseDuration.TotalSeconds));
    }
}

/// <summary>Verification is held back until <paramref name="Until"/>; <paramref name="SlowPath"/> when chat verification is over for now.</summary>
public sealed record VerificationHold(DateTimeOffset Until, bool SlowPath);
