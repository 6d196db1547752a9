namespace SupportBot.Bot.Reports;

/// <summary>The report (SPEC §11, docs/security.md F2) as written to JSON; CSV flattens the same figures.</summary>
public sealed record TakeoverReport(
    string Schema,
    string By,
    DateTimeOffset From,
    DateTimeOffset To,
    string? Country,
    string? Language,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<string> Causes,
    IReadOnlyList<ReportPeriodFigures> Periods,
    ReportRangeFigures Range,
    IReadOnlyDictionary<string, string> NotAvailable)
{
    public const string SchemaId = "supportbot.report.v1";
}

/// <summary>One period: a row per country and language, their totals, and the staffing (not split by segment).</summary>
public sealed record ReportPeriodFigures(string Period, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<SegmentFigures> Segments, SegmentFigures Totals, Staffing Staffing);

/// <summary>
/// The whole range: a row per country and language and their totals (durations over every sample; the backlog is the
/// last period's), and the staffing: hours summed over the periods, active agents the most in any one period (an agent
/// active in two periods is one person, and the periods do not say who).
/// </summary>
public sealed record ReportRangeFigures(IReadOnlyList<SegmentFigures> Segments, SegmentFigures Totals, Staffing Staffing);

/// <summary>Agents with any console action in the period, and their hours (first to last action of each UTC day).</summary>
public sealed record Staffing(long ActiveAgents, double AgentHours);

/// <summary>Median and 90th percentile (nearest rank) of a duration, in seconds, over <see cref="Count"/> samples.</summary>
public sealed record DurationFigures(long Count, long? P50Seconds, long? P90Seconds);

public sealed record VerificationFigures(long Started, long Passed, long Failed, long Throttled);

/// <summary>Reported (what users told the bot) and confirmed (what agents concluded) takeovers, kept apart.</summary>
public sealed record TakeoverFigures(
    long Reports, long PhishingReports, long Confirmed, IReadOnlyDictionary<string, long> ConfirmedCauses, DurationFigures TimeToRestore);

/// <summary>Safeguards on the accounts of verified claimants; shares are of <see cref="Recorded"/> (verifications that recorded them).</summary>
public sealed record SafeguardFigures(long VerifiedClaimants, long Recorded, long WithMfa, long WithTwoPlusRecoveryAddresses, double? MfaShare, double? TwoPlusRecoveryShare, double? PasskeyShare);

public sealed record SegmentFigures(
    string Country,
    string Language,
    long Conversations,
    long ProblemStated,
    IReadOnlyDictionary<string, long> Problems,
    long SelfHelpResolved,
    double? SelfHelpRate,
    VerificationFigures Verification,
    long Escalations,
    double? EscalationRate,
    long AgentAccepted,
    DurationFigures TimeToAgent,
    IReadOnlyDictionary<string, long> Outcomes,
    long Repudiated,
    long WrongfulRecoveries,
    long WrongfulDenials,
    TakeoverFigures Takeovers,
    SafeguardFigures Safeguards,
    long Backlog);
