namespace SupportBot.Bot.Reports;

/// <summary>
/// The suspected causes of a takeover (docs/security.md F2) an agent may pick when resolving a case, as stored and
/// reported. <see cref="NotTakeover"/> says the claimant was simply locked out; it is a choice, not a cause.
/// </summary>
public static class TakeoverCauses
{
    public const string Phishing = "phishing";
    public const string Unknown = "unknown";
    public const string NotTakeover = "not_takeover";

    /// <summary>The taxonomy, in report order.</summary>
    public static IReadOnlyList<string> Taxonomy { get; } =
    [
        Phishing, "credential_stuffing", "sim_swap", "malware", "session_theft", "support_social_engineering", "code_sharing_scam", Unknown,
    ];

    /// <summary>What the console offers: every cause, and "not a takeover".</summary>
    public static IReadOnlyList<string> Choices { get; } = [.. Taxonomy, NotTakeover];

    public static bool IsChoice(string? value) => value is not null && Choices.Contains(value, StringComparer.Ordinal);
}
