namespace SupportBot.Bot.Reports;

/// <summary>What a reader asks for; <see cref="Validate"/> says in words what is wrong with it.</summary>
public sealed record ReportRequest(ReportGranularity By, DateTimeOffset From, DateTimeOffset To, string? Country, string? Language)
{
    /// <summary>At most this many periods in one report (5 years of weeks and then some).</summary>
    public const int MaxPeriods = 300;

    public string? Validate()
    {
        if (To <= From)
        {
            return "--to must be after --from.";
        }

        if (Country is not null && (Country.Length != 2 || !Country.All(char.IsAsciiLetterUpper)))
        {
            return $"--country must be an ISO 3166 code of two letters, such as NG (got '{Country}').";
        }

        if (Language is not null && (Language.Length is < 2 or > 3 || !Language.All(char.IsAsciiLetterLower)))
        {
            return $"--language must be a language code of two or three letters, such as fil (got '{Language}').";
        }

        var periods = 0;
        for (var start = By.StartOf(From); start < To && periods <= MaxPeriods; start = By.Next(start))
        {
            periods++;
        }

        return periods > MaxPeriods ? $"That range holds more than {MaxPeriods} {By.Name()}s; narrow --from/--to or use --by month." : null;
    }
}

/// <summary>Builds a <see cref="TakeoverReport"/> from the stored figures, materialising the open periods first.</summary>
internal sealed class ReportBuilder(ReportMaterializer materializer, ReportAggregateStore store, TimeProvider timeProvider)
{
    /// <summary>Why passkeys are not reported: the account directory contract does not carry them.</summary>
    public const string PasskeysNotAvailable = "not available from the directory";

    /// <param name="materialize">Whether to bring the open periods up to date first (skip it for a second report of the same request).</param>
    public async Task<TakeoverReport> BuildAsync(ReportRequest request, CancellationToken cancellationToken, bool materialize = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (materialize)
        {
            await materializer.MaterializeAsync(null, cancellationToken);
        }

        var by = request.By;
        var first = by.StartOf(request.From);
        var rows = await store.ReadAsync(by, first, request.To, cancellationToken);
        var periods = new List<ReportPeriodFigures>();
        for (var start = first; start < request.To; start = by.Next(start))
        {
            var inPeriod = rows.Where(r => r.PeriodStart == start).ToList();
            var segments = inPeriod
                .Where(r => r.Country != ReportMetrics.AllSegments
                    && (request.Country is null || r.Country == request.Country)
                    && (request.Language is null || r.Language == request.Language))
                .GroupBy(r => (r.Country, r.Language))
                .OrderBy(g => g.Key.Country, StringComparer.Ordinal).ThenBy(g => g.Key.Language, StringComparer.Ordinal)
                .Select(g => Figures(g.Key.Country, g.Key.Language, g.ToList()))
                .ToList();
            var included = inPeriod.Where(r => r.Country != ReportMetrics.AllSegments
                && (request.Country is null || r.Country == request.Country)
                && (request.Language is null || r.Language == request.Language)).ToList();
            var totals = Figures("ALL", "ALL", included);
            var staff = inPeriod.Where(r => r.Country == ReportMetrics.AllSegments).ToList();
            var staffing = new Staffing(
                Sum(staff, ReportMetrics.ActiveAgents),
                Math.Round(Sum(staff, ReportMetrics.AgentSeconds) / 3600.0, 2));
            periods.Add(new ReportPeriodFigures(by.Label(start), start, by.Next(start), segments, totals, staffing));
        }

        // The range: every period's rows by segment, except the backlog, which is a snapshot at the last period's end.
        var lastStart = periods.Count == 0 ? first : periods[^1].Start;
        var selected = rows.Where(r => r.Country != ReportMetrics.AllSegments
            && (request.Country is null || r.Country == request.Country)
            && (request.Language is null || r.Language == request.Language)
            && (r.Metric != ReportMetrics.Backlog || r.PeriodStart == lastStart)).ToList();
        var range = new ReportRangeFigures(
            [.. selected.GroupBy(r => (r.Country, r.Language))
                .OrderBy(g => g.Key.Country, StringComparer.Ordinal).ThenBy(g => g.Key.Language, StringComparer.Ordinal)
                .Select(g => Figures(g.Key.Country, g.Key.Language, g.ToList()))],
            Figures("ALL", "ALL", selected),
            new Staffing(periods.Count == 0 ? 0 : periods.Max(p => p.Staffing.ActiveAgents), Math.Round(periods.Sum(p => p.Staffing.AgentHours), 2)));

        return new TakeoverReport(
            TakeoverReport.SchemaId, by.Name(), request.From, request.To, request.Country, request.Language, timeProvider.GetUtcNow(),
            TakeoverCauses.Taxonomy, periods, range,
            new Dictionary<string, string> { ["safeguards.passkeys"] = PasskeysNotAvailable });
    }

    private static SegmentFigures Figures(string country, string language, IReadOnlyList<AggregateRow> rows)
    {
        long Get(string metric) => Sum(rows, metric);
        DurationFigures Duration(string metric)
        {
            var samples = rows.Where(r => r.Metric == metric && r.Samples is not null).SelectMany(r => r.Samples!).ToList();
            return new DurationFigures(samples.Count, ReportCalculator.Percentile(samples, 50), ReportCalculator.Percentile(samples, 90));
        }

        var conversations = Get(ReportMetrics.Conversations);
        var problemStated = Get(ReportMetrics.ProblemStated);
        var recorded = Get(ReportMetrics.SafeguardsRecorded);
        var withMfa = Get(ReportMetrics.WithMfa);
        var withTwo = Get(ReportMetrics.WithTwoPlusRecovery);
        return new SegmentFigures(
            country, language, conversations, problemStated,
            ReportMetrics.Problems.ToDictionary(p => p, p => Get(ReportMetrics.ProblemPrefix + p), StringComparer.Ordinal),
            Get(ReportMetrics.SelfHelpResolved), Share(Get(ReportMetrics.SelfHelpResolved), problemStated),
            new VerificationFigures(
                Get(ReportMetrics.VerificationStarted), Get(ReportMetrics.VerificationPassed), Get(ReportMetrics.VerificationFailed),
                Get(ReportMetrics.VerificationThrottled)),
            Get(ReportMetrics.Escalations), Share(Get(ReportMetrics.Escalations), conversations),
            Get(ReportMetrics.AgentAccepted), Duration(ReportMetrics.TimeToAgent),
            ReportMetrics.Outcomes.ToDictionary(o => o, o => Get(ReportMetrics.OutcomePrefix + o), StringComparer.Ordinal),
            Get(ReportMetrics.Repudiated), Get(ReportMetrics.WrongfulRecoveries), Get(ReportMetrics.WrongfulDenials),
            new TakeoverFigures(
                Get(ReportMetrics.TakeoverReports), Get(ReportMetrics.PhishingReports), Get(ReportMetrics.ConfirmedTakeovers),
                TakeoverCauses.Taxonomy.ToDictionary(c => c, c => Get(ReportMetrics.ConfirmedCausePrefix + c), StringComparer.Ordinal),
                Duration(ReportMetrics.TimeToRestore)),
            new SafeguardFigures(Get(ReportMetrics.VerifiedClaimants), recorded, withMfa, withTwo, Share(withMfa, recorded), Share(withTwo, recorded), null),
            Get(ReportMetrics.Backlog));
    }

    private static long Sum(IEnumerable<AggregateRow> rows, string metric) => rows.Where(r => r.Metric == metric).Sum(r => r.Value);

    private static double? Share(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
