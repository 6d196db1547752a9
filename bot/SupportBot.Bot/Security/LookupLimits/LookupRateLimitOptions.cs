using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Security.LookupLimits;

/// <summary>
/// Limits on identifier lookups (security.md D3), section <c>Security:LookupLimits</c>: sliding windows per user
/// (the channel's <c>from.id</c>, which Direct Line takes from its token), per remote address (higher: many users
/// share a NAT) and for the whole service (a ceiling on enumeration from many sources at once).
/// </summary>
public sealed class LookupRateLimitOptions
{
    public const string SectionName = "Security:LookupLimits";

    [Range(1, 10_000)]
    public int PerUserPermitLimit { get; set; } = 10;

    [Range(1, 100_000)]
    public int PerAddressPermitLimit { get; set; } = 50;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PerSourceWindow { get; set; } = TimeSpan.FromMinutes(10);

    [Range(1, 1_000_000)]
    public int GlobalPermitLimit { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan GlobalWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How finely each window slides: permits come back one segment at a time.</summary>
    [Range(1, 60)]
    public int SegmentsPerWindow { get; set; } = 10;
}
