using System.Globalization;

namespace SupportBot.Bot.Reports;

/// <summary>The dashboard's filters as they arrive in the query string, and the report request they make.</summary>
internal sealed record DashboardQuery(string By, string From, string To, string? Country, string? Language, string? Display)
{
    /// <summary>Periods shown when no <c>from</c> is given.</summary>
    public const int DefaultPeriods = 12;

    public static DashboardQuery FromRequest(IQueryCollection query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        var by = Blank(query["by"]) ?? "week";
        var to = Blank(query["to"]) ?? Day(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1));
        var from = Blank(query["from"]);
        if (from is null && ReportPeriods.Parse(by) is { } granularity && TryDay(to, out var end))
        {
            var start = granularity.StartOf(end);
            from = Day(granularity == ReportGranularity.Month ? start.AddMonths(-DefaultPeriods) : start.AddDays(-7 * DefaultPeriods));
        }

        return new DashboardQuery(by, from ?? string.Empty, to, Blank(query["country"])?.ToUpperInvariant(), Blank(query["language"])?.ToLowerInvariant(), Blank(query["lang"]));
    }

    /// <summary>The request, or null when a filter is malformed (the page says which rules apply).</summary>
    public ReportRequest? ToRequest()
    {
        if (ReportPeriods.Parse(By) is not { } granularity || !TryDay(From, out var from) || !TryDay(To, out var to))
        {
            return null;
        }

        var request = new ReportRequest(granularity, from, to, Country, Language);
        return request.Validate() is null ? request : null;
    }

    public string ToQueryString(bool withDisplay)
    {
        var pairs = new List<string> { "by=" + Uri.EscapeDataString(By), "from=" + Uri.EscapeDataString(From), "to=" + Uri.EscapeDataString(To) };
        if (Country is not null)
        {
            pairs.Add("country=" + Uri.EscapeDataString(Country));
        }

        if (Language is not null)
        {
            pairs.Add("language=" + Uri.EscapeDataString(Language));
        }

        if (withDisplay && Display is not null)
        {
            pairs.Add("lang=" + Uri.EscapeDataString(Display));
        }

        return string.Join('&', pairs);
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryDay(string? value, out DateTimeOffset day)
    {
        var ok = DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed);
        day = ok ? new DateTimeOffset(parsed, TimeSpan.Zero) : default;
        return ok;
    }
}
