using SupportBot.Bot.Agents;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Bot.Reports;

/// <summary>
/// The names of the figures kept in <c>report_aggregates</c>. Counts are per period, country and language; duration
/// figures (<see cref="TimeToAgent"/>, <see cref="TimeToRestore"/>) keep their samples in seconds so percentiles
/// stay exact when segments are added up. Staffing figures are kept for the segment <see cref="AllSegments"/> only.
/// </summary>
public static class ReportMetrics
{
    /// <summary>Country and language of figures that are not split (agent staffing and hours).</summary>
    public const string AllSegments = "*";

    /// <summary>Country of a record whose conversation and case are gone or never named one (ISO 3166 "unknown").</summary>
    public const string UnknownCountry = "ZZ";

    /// <summary>Language of such a record (BCP 47 "undetermined").</summary>
    public const string UnknownLanguage = "und";

    public const string Conversations = "conversations";
    public const string ProblemStated = "problem_stated";
    public const string ProblemPrefix = "problem.";
    public const string SelfHelpResolved = "self_help_resolved";
    public const string VerificationStarted = "verification_started";
    public const string VerificationPassed = "verification_passed";
    public const string VerificationFailed = "verification_failed";
    public const string VerificationThrottled = "verification_throttled";
    public const string Escalations = "escalations";
    public const string AgentAccepted = "agent_accepted";
    public const string TimeToAgent = "time_to_agent";
    public const string OutcomePrefix = "outcome.";
    public const string Repudiated = "repudiated";
    public const string WrongfulRecoveries = "wrongful_recoveries";
    public const string WrongfulDenials = "wrongful_denials";
    public const string TakeoverReports = "takeover_reports";
    public const string PhishingReports = "phishing_reports";
    public const string ConfirmedTakeovers = "confirmed_takeovers";
    public const string ConfirmedCausePrefix = "confirmed_cause.";
    public const string TimeToRestore = "time_to_restore";
    public const string VerifiedClaimants = "verified_claimants";
    public const string SafeguardsRecorded = "safeguards_recorded";
    public const string WithMfa = "with_mfa";
    public const string WithTwoPlusRecovery = "with_2plus_recovery";
    public const string Backlog = "backlog";
    public const string ActiveAgents = "active_agents";
    public const string AgentSeconds = "agent_seconds";

    /// <summary>Outcomes a case can end with: the agent's, "returned to the bot" and "cancelled by the user".</summary>
    public static IReadOnlyList<string> Outcomes { get; } = [.. AgentOutcomes.All, "returned_to_bot", "cancelled"];

    /// <summary>The intents that describe a problem (what a conversation was about), as data labels.</summary>
    public static IReadOnlyList<string> Problems { get; } =
    [
        .. IntentLabels.All
            .Where(intent => intent is not (Intent.OutOfScope or Intent.Greeting or Intent.Affirm or Intent.Deny or Intent.ChangeLanguage or Intent.ThanksGoodbye))
            .Select(intent => intent.ToLabel()),
    ];

    /// <summary>Audit types that count as a throttle: the send caps, the backoff pause and the slow path.</summary>
    public static IReadOnlyList<string> ThrottleEvents { get; } = ["throttled", "verification_paused", "verification_slow_path"];
}
