using System.Globalization;
using System.Net;
using System.Text;
using SupportBot.Bot.Localization;

namespace SupportBot.Bot.Reports;

/// <summary>
/// The supervisors' dashboard as one server-rendered page: filters (a GET form), download links, a summary, SVG
/// charts each followed by the same figures as a table, and the detail tables. No script; every string comes from
/// <c>locales/&lt;lang&gt;/report.json</c>; numbers and dates in the display language's culture (Gregorian calendar).
/// </summary>
internal sealed class ReportDashboardPage(ITextRenderer text, string language, bool rtl)
{
    private readonly CultureInfo _culture = CultureFor(language);

    public string Render(TakeoverReport report, TakeoverReport monthly, DashboardQuery query, IReadOnlyList<(string Code, string Name)> displayLanguages)
    {
        var html = Start(T("report.title"));
        html.Append("<main class=\"report\">");
        html.Append("<p class=\"muted\">").Append(E(T("report.intro"))).Append("</p>");
        Filters(html, query, displayLanguages);
        html.Append("<p class=\"downloads\">")
            .Append("<a class=\"button\" data-testid=\"download-csv\" download href=\"/agent/report.csv?").Append(E(query.ToQueryString(withDisplay: false))).Append("\">").Append(E(T("report.download.csv"))).Append("</a> ")
            .Append("<a class=\"button\" data-testid=\"download-json\" download href=\"/agent/report.json?").Append(E(query.ToQueryString(withDisplay: false))).Append("\">").Append(E(T("report.download.json"))).Append("</a></p>");

        var totals = report.Range.Totals;
        if (totals.Conversations == 0 && totals.Escalations == 0 && totals.Verification.Started == 0 && report.Range.Staffing.AgentHours == 0)
        {
            html.Append("<p class=\"card\" data-testid=\"report-empty\">").Append(E(T("report.empty"))).Append("</p>");
        }

        Summary(html, report);
        Takeovers(html, monthly);
        Causes(html, report);
        Activity(html, report);
        Segments(html, report);
        Outcomes(html, report);
        Safeguards(html, report);
        Staffing(html, report);
        return html.Append("</main></body></html>").ToString();
    }

    public string Message(string key)
    {
        var html = Start(T("report.title"));
        return html.Append("<main class=\"report\"><p class=\"card\" role=\"alert\">").Append(E(T(key))).Append("</p></main></body></html>").ToString();
    }

    private StringBuilder Start(string title) =>
        new StringBuilder()
            .Append("<!doctype html><html lang=\"").Append(E(language)).Append("\" dir=\"").Append(rtl ? "rtl" : "ltr").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\">")
            .Append("<title>").Append(E(title)).Append("</title>")
            .Append("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">")
            .Append("<link rel=\"stylesheet\" href=\"/agent/console.css\"><link rel=\"stylesheet\" href=\"/agent/report.css\"></head><body>")
            .Append("<header class=\"bar\"><h1 class=\"bar__title\">").Append(E(title)).Append("</h1>")
            .Append("<a class=\"button\" href=\"/agent/\">").Append(E(T("report.back"))).Append("</a></header>");

    private void Filters(StringBuilder html, DashboardQuery query, IReadOnlyList<(string Code, string Name)> displayLanguages)
    {
        html.Append("<form class=\"card filters\" method=\"get\" action=\"/agent/report\">");
        Field(html, "from", T("report.filter.from"), $"<input id=\"from\" name=\"from\" type=\"date\" value=\"{E(query.From)}\">");
        Field(html, "to", T("report.filter.to"), $"<input id=\"to\" name=\"to\" type=\"date\" value=\"{E(query.To)}\">");
        Field(html, "by", T("report.filter.by"),
            "<select id=\"by\" name=\"by\">" + Option("week", T("report.filter.week"), query.By) + Option("month", T("report.filter.month"), query.By) + "</select>");
        Field(html, "country", T("report.filter.country"), $"<input id=\"country\" name=\"country\" size=\"3\" maxlength=\"2\" value=\"{E(query.Country ?? string.Empty)}\">");
        Field(html, "language", T("report.filter.language"), $"<input id=\"language\" name=\"language\" size=\"4\" maxlength=\"3\" value=\"{E(query.Language ?? string.Empty)}\">");
        Field(html, "lang", T("report.filter.display"),
            "<select id=\"lang\" name=\"lang\">" + string.Concat(displayLanguages.Select(l => Option(l.Code, l.Name, language, l.Code))) + "</select>");
        html.Append("<button type=\"submit\" class=\"primary\">").Append(E(T("report.filter.apply"))).Append("</button></form>");
    }

    private void Summary(StringBuilder html, TakeoverReport report)
    {
        var t = report.Range.Totals;
        html.Append("<section class=\"card\" aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">").Append(E(T("report.summary.heading"))).Append("</h2><ul class=\"summary\" data-testid=\"summary\">");
        foreach (var (key, count) in new (string, long)[]
        {
            ("report.summary.conversations", t.Conversations), ("report.summary.escalations", t.Escalations),
            ("report.summary.takeover-reports", t.Takeovers.Reports), ("report.summary.confirmed", t.Takeovers.Confirmed),
            ("report.summary.wrongful-recoveries", t.WrongfulRecoveries), ("report.summary.wrongful-denials", t.WrongfulDenials),
            ("report.summary.backlog", t.Backlog),
        })
        {
            html.Append("<li>").Append(E(T(key, count))).Append("</li>");
        }

        html.Append("</ul></section>");
    }

    private void Takeovers(StringBuilder html, TakeoverReport monthly)
    {
        var labels = monthly.Periods.Select(p => MonthName(p.Start)).ToList();
        var reported = monthly.Periods.Select(p => p.Totals.Takeovers.Reports).ToList();
        var confirmed = monthly.Periods.Select(p => p.Totals.Takeovers.Confirmed).ToList();
        var title = T("report.chart.takeovers");
        html.Append("<section class=\"card\" aria-labelledby=\"takeovers-h\"><h2 id=\"takeovers-h\">").Append(E(title)).Append("</h2><figure>")
            .Append(ReportCharts.Columns(title, labels,
                [new ChartSeries(T("report.series.reported"), "series-1", reported), new ChartSeries(T("report.series.confirmed"), "series-2", confirmed)],
                _culture, rtl))
            .Append("</figure>");
        Table(html, "takeovers-table", [T("report.table.period"), T("report.col.reported"), T("report.col.phishing"), T("report.col.confirmed"), T("report.restore.median"), T("report.restore.p90")],
            monthly.Periods.Select(p => (IReadOnlyList<string>)[
                MonthName(p.Start), N(p.Totals.Takeovers.Reports), N(p.Totals.Takeovers.PhishingReports), N(p.Totals.Takeovers.Confirmed),
                Duration(p.Totals.Takeovers.TimeToRestore.P50Seconds), Duration(p.Totals.Takeovers.TimeToRestore.P90Seconds)]));
        html.Append("</section>");
    }

    private void Causes(StringBuilder html, TakeoverReport report)
    {
        var title = T("report.chart.causes");
        var items = report.Causes.Select(cause => (T("report.cause." + cause), report.Range.Totals.Takeovers.ConfirmedCauses[cause])).ToList();
        html.Append("<section class=\"card\" aria-labelledby=\"causes-h\"><h2 id=\"causes-h\">").Append(E(title)).Append("</h2><figure>")
            .Append(ReportCharts.Bars(title, items, _culture, rtl)).Append("</figure>");
        Table(html, "causes-table", [T("report.cause.label"), T("report.col.confirmed")], items.Select(i => (IReadOnlyList<string>)[i.Item1, N(i.Item2)]));
        html.Append("</section>");
    }

    private void Activity(StringBuilder html, TakeoverReport report)
    {
        var title = T("report.chart.activity");
        var labels = report.Periods.Select(p => PeriodName(report, p.Start)).ToList();
        html.Append("<section class=\"card\" aria-labelledby=\"activity-h\"><h2 id=\"activity-h\">").Append(E(title)).Append("</h2><figure>")
            .Append(ReportCharts.Columns(title, labels,
                [
                    new ChartSeries(T("report.col.conversations"), "series-1", report.Periods.Select(p => p.Totals.Conversations).ToList()),
                    new ChartSeries(T("report.col.escalations"), "series-2", report.Periods.Select(p => p.Totals.Escalations).ToList()),
                ],
                _culture, rtl))
            .Append("</figure>");
        Table(html, "periods-table",
            [
                T("report.table.period"), T("report.col.conversations"), T("report.col.self-help"), T("report.col.started"), T("report.col.passed"),
                T("report.col.failed"), T("report.col.throttled"), T("report.col.escalations"), T("report.col.escalation-rate"), T("report.col.time-to-agent"),
                T("report.col.restored"), T("report.col.repudiated"), T("report.col.backlog"), T("report.col.agents"), T("report.col.hours"),
            ],
            report.Periods.Select(p => (IReadOnlyList<string>)[
                PeriodName(report, p.Start), N(p.Totals.Conversations), N(p.Totals.SelfHelpResolved), N(p.Totals.Verification.Started),
                N(p.Totals.Verification.Passed), N(p.Totals.Verification.Failed), N(p.Totals.Verification.Throttled), N(p.Totals.Escalations),
                P(p.Totals.EscalationRate), Duration(p.Totals.TimeToAgent.P50Seconds) + " / " + Duration(p.Totals.TimeToAgent.P90Seconds),
                N(p.Totals.Outcomes["restored"]), N(p.Totals.Repudiated), N(p.Totals.Backlog), N(p.Staffing.ActiveAgents),
                p.Staffing.AgentHours.ToString("N1", _culture)]));
        html.Append("</section>");
    }

    private void Segments(StringBuilder html, TakeoverReport report)
    {
        html.Append("<section class=\"card\" aria-labelledby=\"segments-h\"><h2 id=\"segments-h\">").Append(E(T("report.table.segments"))).Append("</h2>");
        Table(html, "segments-table",
            [
                T("report.table.country"), T("report.table.language"), T("report.col.conversations"), T("report.col.self-help"), T("report.col.passed"),
                T("report.col.escalations"), T("report.col.escalation-rate"), T("report.col.time-to-agent"), T("report.col.reported"), T("report.col.confirmed"),
            ],
            report.Range.Segments.Append(report.Range.Totals).Select(s => (IReadOnlyList<string>)[
                s.Country == "ALL" ? T("report.table.total") : s.Country, s.Language == "ALL" ? T("report.table.total") : s.Language,
                N(s.Conversations), N(s.SelfHelpResolved), N(s.Verification.Passed), N(s.Escalations), P(s.EscalationRate),
                Duration(s.TimeToAgent.P50Seconds) + " / " + Duration(s.TimeToAgent.P90Seconds), N(s.Takeovers.Reports), N(s.Takeovers.Confirmed)]));
        html.Append("</section>");
    }

    private void Outcomes(StringBuilder html, TakeoverReport report)
    {
        html.Append("<section class=\"card\" aria-labelledby=\"outcomes-h\"><h2 id=\"outcomes-h\">").Append(E(T("report.outcomes.heading"))).Append("</h2>");
        Table(html, "outcomes-table", [T("report.outcomes.heading"), T("report.table.total")],
            ReportMetrics.Outcomes.Select(o => (IReadOnlyList<string>)[T("report.outcome." + o), N(report.Range.Totals.Outcomes[o])]));
        html.Append("</section>");
    }

    private void Safeguards(StringBuilder html, TakeoverReport report)
    {
        var s = report.Range.Totals.Safeguards;
        html.Append("<section class=\"card\" aria-labelledby=\"safeguards-h\"><h2 id=\"safeguards-h\">").Append(E(T("report.safeguards.heading"))).Append("</h2>")
            .Append("<p class=\"muted\">").Append(E(T("report.safeguards.base", s.Recorded))).Append("</p>");
        Table(html, "safeguards-table", [T("report.safeguards.heading"), "%"],
            [
                [T("report.safeguards.mfa"), P(s.MfaShare)],
                [T("report.safeguards.two-plus"), P(s.TwoPlusRecoveryShare)],
                [T("report.safeguards.passkeys"), T("report.safeguards.not-available")],
            ]);
        var r = report.Range.Totals.Takeovers.TimeToRestore;
        html.Append("<h3>").Append(E(T("report.restore.heading"))).Append("</h3>");
        Table(html, "restore-table", [T("report.restore.median"), T("report.restore.p90")], [[Duration(r.P50Seconds), Duration(r.P90Seconds)]]);
        html.Append("</section>");
    }

    private void Staffing(StringBuilder html, TakeoverReport report)
    {
        html.Append("<section class=\"card\" aria-labelledby=\"staffing-h\"><h2 id=\"staffing-h\">").Append(E(T("report.staffing.heading"))).Append("</h2>")
            .Append("<p class=\"muted\">").Append(E(T("report.staffing.note"))).Append("</p>");
        Table(html, "staffing-table", [T("report.col.agents"), T("report.col.hours")],
            [[N(report.Range.Staffing.ActiveAgents), report.Range.Staffing.AgentHours.ToString("N1", _culture)]]);
        html.Append("</section>");
    }

    private static void Table(StringBuilder html, string testId, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        html.Append("<div class=\"table-wrap\"><table data-testid=\"").Append(testId).Append("\"><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(i == 0 ? "<th scope=\"row\">" : "<td>").Append(E(row[i])).Append(i == 0 ? "</th>" : "</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
    }

    private static void Field(StringBuilder html, string id, string label, string control) =>
        html.Append("<span class=\"field\"><label for=\"").Append(id).Append("\">").Append(E(label)).Append("</label>").Append(control).Append("</span>");

    private static string Option(string value, string label, string? current, string? langAttribute = null) =>
        $"<option value=\"{E(value)}\"{(langAttribute is null ? string.Empty : $" lang=\"{E(langAttribute)}\"")}{(value == current ? " selected" : string.Empty)}>{E(label)}</option>";

    private string T(string key) => text.Render(language, key);

    private string T(string key, long count) => text.Render(language, key, new Dictionary<string, object?> { ["count"] = count });

    private string N(long? value) => value is { } v ? v.ToString("N0", _culture) : T("report.none");

    private string P(double? share) => share is { } s ? s.ToString("P1", _culture) : T("report.none");

    private string Duration(long? seconds) => seconds switch
    {
        null => T("report.none"),
        < 120 => T("report.duration.seconds", seconds.Value),
        < 2 * 3600 => T("report.duration.minutes", (long)Math.Round(seconds.Value / 60.0)),
        _ => T("report.duration.hours", (long)Math.Round(seconds.Value / 3600.0)),
    };

    private string MonthName(DateTimeOffset start) => start.UtcDateTime.ToString("Y", _culture);

    private string PeriodName(TakeoverReport report, DateTimeOffset start) =>
        report.By == "month" ? MonthName(start) : start.UtcDateTime.ToString("d", _culture);

    private static string E(string value) => WebUtility.HtmlEncode(value);

    // The display language's culture with the Gregorian calendar, so periods (UTC, Gregorian) read the same everywhere.
    private static CultureInfo CultureFor(string language)
    {
        CultureInfo culture;
        try
        {
            culture = (CultureInfo)CultureInfo.GetCultureInfo(language).Clone();
        }
        catch (CultureNotFoundException)
        {
            culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        }

        if (culture.Calendar is not GregorianCalendar)
        {
            var gregorian = culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault();
            if (gregorian is not null)
            {
                culture.DateTimeFormat.Calendar = gregorian;
            }
        }

        return culture;
    }
}
