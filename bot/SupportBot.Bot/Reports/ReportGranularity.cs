namespace SupportBot.Bot.Reports;

/// <summary>The periods figures are kept for: ISO weeks (Monday 00:00 UTC) and calendar months (UTC).</summary>
public enum ReportGranularity
{
    Week,
    Month,
}

/// <summary>Period arithmetic, all in UTC so a figure never moves with the reader's time zone.</summary>
public static class ReportPeriods
{
    public static string Name(this ReportGranularity granularity) => granularity == ReportGranularity.Week ? "week" : "month";

    public static ReportGranularity? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "week" => ReportGranularity.Week,
        "month" => ReportGranularity.Month,
        _ => null,
    };

    /// <summary>The start of the period holding <paramref name="at"/>.</summary>
    public static DateTimeOffset StartOf(this ReportGranularity granularity, DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        if (granularity == ReportGranularity.Month)
        {
            return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        }

        var day = new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
        var sinceMonday = ((int)day.DayOfWeek + 6) % 7;
        return day.AddDays(-sinceMonday);
    }

    /// <summary>The start of the period after the one starting at <paramref name="start"/>.</summary>
    public static DateTimeOffset Next(this ReportGranularity granularity, DateTimeOffset start) =>
        granularity == ReportGranularity.Month ? start.AddMonths(1) : start.AddDays(7);

    /// <summary>A short, culture-free label: <c>2026-W47</c> or <c>2026-11</c>.</summary>
    public static string Label(this ReportGranularity granularity, DateTimeOffset start)
    {
        if (granularity == ReportGranularity.Month)
        {
            return start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        }

        var date = start.UtcDateTime;
        return $"{System.Globalization.ISOWeek.GetYear(date)}-W{System.Globalization.ISOWeek.GetWeekOfYear(date):00}";
    }
}
