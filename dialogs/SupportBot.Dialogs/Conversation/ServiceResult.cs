namespace SupportBot.Dialogs.Conversation;

/// <summary>
/// Results the host feeds back after performing an effect. They are the only way verification reaches the
/// engine: nothing a user types can produce one.
/// </summary>
public abstract record ServiceResult
{
    private protected ServiceResult() { }

    /// <summary>A code went out (or, for an identifier that matches nothing, the same work was done).</summary>
    public sealed record CodeSent(string Method, int Digits, TimeSpan ValidFor) : ServiceResult;

    /// <summary>Too many sends for this account or destination; try again later.</summary>
    public sealed record CodeSendThrottled(DateTimeOffset RetryAfter) : ServiceResult;

    /// <summary>The code matched; the verification service recorded a proof.</summary>
    public sealed record CodeAccepted(string Method, int ProofsPassed, int ProofsRequired) : ServiceResult;

    /// <summary>Wrong, expired or already used code.</summary>
    public sealed record CodeRejected(int TriesLeft) : ServiceResult;

    /// <summary>Too many failures on this account across conversations.</summary>
    /// <param name="RetryAfter">When verification may be tried again.</param>
    /// <param name="SlowPath">Chat verification is over for now: only the slow path (recovery form, identity proofing) remains.</param>
    public sealed record VerificationLocked(DateTimeOffset RetryAfter, bool SlowPath = false) : ServiceResult;

    /// <summary>The case for this verified conversation exists and is queued (or kept after hours).</summary>
    public sealed record CaseOpened(string CaseId, int Position) : ServiceResult;

    public sealed record AgentJoined(string AgentName) : ServiceResult;

    public sealed record AgentLeft : ServiceResult;

    public sealed record CaseResolved(string Outcome) : ServiceResult;

    public sealed record SupportOpened : ServiceResult;
}
