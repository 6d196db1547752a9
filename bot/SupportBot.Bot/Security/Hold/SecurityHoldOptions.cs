using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Security.Hold;

/// <summary>
/// The security hold on suspected hijacks (security.md B11 proposal, section <c>Security:Hold</c>): a case whose
/// account had its contacts or password changed within <see cref="SuspectChangesWithin"/> cannot be resolved as
/// "restored" until <see cref="Duration"/> after the latest such change — the same 7 days for which the old contacts
/// still count as the owner's (B6), so the owner has time to see the notices and say "this wasn't me".
/// </summary>
public sealed class SecurityHoldOptions
{
    public const string SectionName = "Security:Hold";

    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SuspectChangesWithin { get; set; } = TimeSpan.FromDays(7);

    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromDays(7);
}
