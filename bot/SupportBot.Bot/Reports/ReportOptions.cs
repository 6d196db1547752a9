using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Reports;

/// <summary>Section <c>Reports</c>: how often the figures are materialised and when a period stops changing.</summary>
public sealed class ReportOptions
{
    /// <summary>How often the worker recomputes the periods that are not sealed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Reports:MaterializeEvery must be between 1 minute and 7 days.")]
    public TimeSpan MaterializeEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long after its end a period is sealed (never recomputed): long enough for late outcomes of its
    /// conversations, short enough to be sealed well before retention prunes its raw rows (90 days).
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "60.00:00:00", ErrorMessage = "Reports:SealAfter must be between 1 hour and 60 days.")]
    public TimeSpan SealAfter { get; set; } = TimeSpan.FromDays(7);
}
