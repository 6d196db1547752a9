using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SupportBot.Bot.Reports;

/// <summary>The report as JSON (camelCase, <see cref="TakeoverReport.SchemaId"/>) and as CSV (one row per period and segment, then the period's totals).</summary>
public static class ReportWriters
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string ToJson(TakeoverReport report) => JsonSerializer.Serialize(report, Json);

    /// <summary>The CSV header; the same columns whatever the data, so spreadsheets and scripts can rely on them.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "period", "period_start", "period_end", "country", "language",
        "conversations", "problem_stated", .. ReportMetrics.Problems.Select(p => "problem." + p),
        "self_help_resolved", "self_help_rate",
        "verification_started", "verification_passed", "verification_failed", "verification_throttled",
        "escalations", "escalation_rate", "agent_accepted", "time_to_agent_p50_s", "time_to_agent_p90_s",
        .. ReportMetrics.Outcomes.Select(o => "outcome." + o),
        "repudiated", "wrongful_recoveries", "wrongful_denials",
        "takeover_reports", "phishing_reports", "confirmed_takeovers", .. TakeoverCauses.Taxonomy.Select(c => "confirmed_cause." + c),
        "time_to_restore_p50_s", "time_to_restore_p90_s",
        "verified_claimants", "safeguards_recorded", "with_mfa", "with_2plus_recovery", "mfa_share", "two_plus_recovery_share", "passkey_share",
        "backlog", "active_agents", "agent_hours",
    ];

    public static string ToCsv(TakeoverReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        csv.AppendJoin(',', CsvColumns).Append("\r\n");
        foreach (var period in report.Periods)
        {
            foreach (var segment in period.Segments)
            {
                Row(csv, period, segment, null);
            }

            Row(csv, period, period.Totals, period.Staffing);
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, ReportPeriodFigures period, SegmentFigures s, Staffing? staffing)
    {
        var cells = new List<string?>
        {
            period.Period, Date(period.Start), Date(period.End), s.Country, s.Language,
            N(s.Conversations), N(s.ProblemStated),
        };
        cells.AddRange(ReportMetrics.Problems.Select(p => N(s.Problems[p])));
        cells.AddRange([N(s.SelfHelpResolved), R(s.SelfHelpRate)]);
        cells.AddRange([N(s.Verification.Started), N(s.Verification.Passed), N(s.Verification.Failed), N(s.Verification.Throttled)]);
        cells.AddRange([N(s.Escalations), R(s.EscalationRate), N(s.AgentAccepted), N(s.TimeToAgent.P50Seconds), N(s.TimeToAgent.P90Seconds)]);
        cells.AddRange(ReportMetrics.Outcomes.Select(o => N(s.Outcomes[o])));
        cells.AddRange([N(s.Repudiated), N(s.WrongfulRecoveries), N(s.WrongfulDenials)]);
        cells.AddRange([N(s.Takeovers.Reports), N(s.Takeovers.PhishingReports), N(s.Takeovers.Confirmed)]);
        cells.AddRange(TakeoverCauses.Taxonomy.Select(c => N(s.Takeovers.ConfirmedCauses[c])));
        cells.AddRange([N(s.Takeovers.TimeToRestore.P50Seconds), N(s.Takeovers.TimeToRestore.P90Seconds)]);
        cells.AddRange([
            N(s.Safeguards.VerifiedClaimants), N(s.Safeguards.Recorded), N(s.Safeguards.WithMfa), N(s.Safeguards.WithTwoPlusRecoveryAddresses),
            R(s.Safeguards.MfaShare), R(s.Safeguards.TwoPlusRecoveryShare), ReportBuilder.PasskeysNotAvailable,
        ]);
        cells.AddRange([N(s.Backlog), staffing is null ? null : N(staffing.ActiveAgents), staffing is null ? null : R(staffing.AgentHours)]);
        csv.AppendJoin(',', cells.Select(Escape)).Append("\r\n");
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? N(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? R(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);

    // RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula.
    private static string Escape(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return string.Empty;
        }

        if (cell[0] is '=' or '+' or '-' or '@')
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
