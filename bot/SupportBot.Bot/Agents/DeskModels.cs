namespace SupportBot.Bot.Agents;

/// <summary>Why an agent action was refused; the API maps each to a status.</summary>
public enum DeskError
{
    NotFound,
    Forbidden,
    Conflict,
    NotHeld,
    Invalid,

    /// <summary>"Restored" while the case is on a security hold (B11).</summary>
    SecurityHold,
}

/// <summary>A result or the reason there is none.</summary>
public sealed record DeskResult<T>(T? Value, DeskError? Error)
{
    public static DeskResult<T> Ok(T value) => new(value, null);

    public static DeskResult<T> Fail(DeskError? error) => new(default, error);
}

/// <summary>A case in an agent's queue. <see cref="WaitingSeconds"/> counts from when verification passed and the case opened.</summary>
public sealed record QueueItem(
    string CaseId, string Status, string Language, string Country, string Problem, DateTimeOffset CreatedAt, long WaitingSeconds,
    string? HeldBy, bool HeldByMe, string? TransferLanguage, string? TransferCountry, string? TransferAgent, DateTimeOffset? PlaceKeptUntil);

/// <summary>What the verification service recorded: never taken from the transcript.</summary>
public sealed record Evidence(DateTimeOffset VerifiedAt, int ProofsRequired, IReadOnlyList<EvidenceCheck> Checks, IReadOnlyList<string> RiskSignals);

/// <summary>One passed check, with the contact masked.</summary>
public sealed record EvidenceCheck(string Method, string Contact, DateTimeOffset ContactOnFileSince, DateTimeOffset PassedAt);

/// <summary>One line of the redacted chat: <see cref="From"/> is <c>user</c>, <c>bot</c> or <c>agent</c>.</summary>
public sealed record ChatLine(string From, string? Name, string Text, DateTimeOffset? At);

/// <summary>A suggested reply in the user's language, with an English gloss when the agent works in another language.</summary>
public sealed record Suggestion(string Key, string Text, string? Gloss);

/// <summary>The case view of the console.</summary>
public sealed record CaseView(
    string CaseId, string Status, string? ConversationState, string Language, string Country, string Problem, DateTimeOffset CreatedAt,
    long WaitingSeconds, Evidence Verification, string? HeldBy, bool HeldByMe, string? Outcome, string? Rating, string? HubState,
    IReadOnlyList<ChatLine> Transcript, IReadOnlyList<Suggestion> Suggestions)
{
    /// <summary>The case's security hold while it lasts (B11), or <see langword="null"/>.</summary>
    public SecurityHoldView? SecurityHold { get; init; }
}

/// <summary>A security hold: "restored" is refused until <paramref name="Until"/>; <paramref name="Text"/> says so in the console's language.</summary>
public sealed record SecurityHoldView(DateTimeOffset Until, string Text);
