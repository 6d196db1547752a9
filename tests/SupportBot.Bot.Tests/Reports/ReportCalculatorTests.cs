using SupportBot.Bot.Reports;
using Xunit;

namespace SupportBot.Bot.Tests.Reports;

/// <summary>The arithmetic under the report: periods in UTC, nearest-rank percentiles, attribution rules, bad requests.</summary>
public sealed class ReportCalculatorTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Weeks_StartOnMondayUtc_AndMonthsOnTheFirst()
    {
        Assert.Equal(Monday, ReportGranularity.Week.StartOf(new DateTimeOffset(2026, 11, 22, 23, 59, 59, TimeSpan.Zero)));
        Assert.Equal(Monday.AddDays(7), ReportGranularity.Week.StartOf(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)));

        // 01:00 on Monday in UTC+02:00 is still Sunday in UTC: the period does not move with the reader's zone.
        Assert.Equal(Monday.AddDays(-7), ReportGranularity.Week.StartOf(new DateTimeOffset(2026, 11, 16, 1, 0, 0, TimeSpan.FromHours(2))));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), ReportGranularity.Month.StartOf(Monday));
        Assert.Equal("2026-W47", ReportGranularity.Week.Label(Monday));
        Assert.Equal("2027-W01", ReportGranularity.Week.Label(new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2026-11", ReportGranularity.Month.Label(Monday));
    }

    [Theory]
    [InlineData(new long[] { 240, 600, 1200 }, 50, 600)]
    [InlineData(new long[] { 240, 600, 1200 }, 90, 1200)]
    [InlineData(new long[] { 600, 240 }, 50, 240)]
    [InlineData(new long[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 90, 90)]
    [InlineData(new long[] { 7 }, 90, 7)]
    public void Percentile_IsTheNearestRank(long[] samples, int percent, long expected) =>
        Assert.Equal(expected, ReportCalculator.Percentile(samples, percent));

    [Fact]
    public void Percentile_OfNothing_IsNoFigure() => Assert.Null(ReportCalculator.Percentile([], 50));

    [Fact]
    public void WrongfulDenial_IsARefusalOverturnedLater_AndNotARestoreTheOwnerRepudiated()
    {
        var t = Monday.AddHours(9);
        var raw = new ReportRawData(
            [],
            [
                new RawCase("SB-0000-0001", "c1", "NG", "ha", "acc-1", t, t.AddHours(1)),
                new RawCase("SB-0000-0002", "c2", "NG", "ha", "acc-1", t.AddDays(2), t.AddDays(2).AddHours(1)),
                new RawCase("SB-0000-0003", "c3", "NG", "en", "acc-2", t, t.AddHours(1)),
                new RawCase("SB-0000-0004", "c4", "NG", "en", "acc-2", t.AddDays(1), t.AddDays(1).AddHours(1)),
            ],
            [
                Resolved("SB-0000-0001", t.AddHours(1), "not_owner"),
                Resolved("SB-0000-0002", t.AddDays(2).AddHours(1), "restored"),
                Resolved("SB-0000-0003", t.AddHours(1), "not_owner"),
                Resolved("SB-0000-0004", t.AddDays(1).AddHours(1), "restored"),

                // acc-2's restore was the attacker's: a wrongful recovery, so its refusal was right after all.
                new RawEvent("repudiated", t.AddDays(1).AddHours(2), "owner", null, "SB-0000-0004", "{}"),
            ]);
        var figures = ReportCalculator.Compute(raw, ReportGranularity.Week, new HashSet<DateTimeOffset> { Monday }, Monday.AddDays(8))[Monday];

        Assert.Equal(1, figures[new FigureKey("NG", "ha", ReportMetrics.WrongfulDenials)].Value);
        Assert.False(figures.ContainsKey(new FigureKey("NG", "en", ReportMetrics.WrongfulDenials)));
        Assert.Equal(1, figures[new FigureKey("NG", "en", ReportMetrics.WrongfulRecoveries)].Value);
    }

    [Fact]
    public void Backlog_IsWhatIsOpenAtThePeriodsEnd()
    {
        var raw = new ReportRawData(
            [],
            [
                new RawCase("SB-0000-0001", "c1", "KE", "sw", "a", Monday.AddDays(1), null),
                new RawCase("SB-0000-0002", "c2", "KE", "sw", "b", Monday.AddDays(2), Monday.AddDays(9)),
                new RawCase("SB-0000-0003", "c3", "KE", "sw", "c", Monday.AddDays(2), Monday.AddDays(3)),
                new RawCase("SB-0000-0004", "c4", "KE", "sw", "d", Monday.AddDays(8), null),
            ],
            []);
        var figures = ReportCalculator.Compute(raw, ReportGranularity.Week, new HashSet<DateTimeOffset> { Monday }, Monday.AddDays(10))[Monday];
        Assert.Equal(2, figures[new FigureKey("KE", "sw", ReportMetrics.Backlog)].Value);
    }

    [Theory]
    [InlineData("2026-11-30", "2026-11-01", null, null, "--to must be after --from.")]
    [InlineData("2026-11-01", "2026-11-30", "nga", null, "--country must be an ISO 3166 code")]
    [InlineData("2026-11-01", "2026-11-30", null, "english", "--language must be a language code")]
    [InlineData("2000-01-01", "2026-11-30", null, null, "more than 300 weeks")]
    public void BadRequests_SayWhatIsWrong(string from, string to, string? country, string? language, string expected)
    {
        var request = new ReportRequest(ReportGranularity.Week, DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture), country, language);
        Assert.Contains(expected, request.Validate(), StringComparison.Ordinal);
    }

    [Fact]
    public void CsvColumns_AreUnique_AndCoverEveryCauseOutcomeAndProblem()
    {
        var columns = ReportWriters.CsvColumns;
        Assert.Equal(columns.Count, columns.Distinct(StringComparer.Ordinal).Count());
        Assert.All(TakeoverCauses.Taxonomy, cause => Assert.Contains("confirmed_cause." + cause, columns));
        Assert.All(ReportMetrics.Outcomes, outcome => Assert.Contains("outcome." + outcome, columns));
        Assert.Contains("problem.account_hacked", columns);
        Assert.DoesNotContain("problem.affirm", columns);
    }

    private static RawEvent Resolved(string caseId, DateTimeOffset at, string outcome) =>
        new("agent_resolved", at, "agent:ag_1", null, caseId, $$"""{"outcome":"{{outcome}}","cause":null}""");
}
