namespace SupportBot.Bot.Verification;

/// <summary>
/// The verification state of one conversation, kept server-side in the conversation state and never shown.
/// <see cref="AccountKey"/> is the account id, or a keyed hash of the identifier when nothing matched, so that
/// throttles and replies are the same either way.
/// </summary>
public sealed record VerificationSession(
    string AccountKey,
    bool Recoverable,
    int ProofsRequired,
    IReadOnlyList<VerificationProof> Proofs,
    IReadOnlyList<string> RiskSignals)
{
    /// <summary>SMS codes are not sent: the phone on file changed SIM or carrier recently (docs/security.md B9, H8).</summary>
    public bool SmsBlocked { get; init; }

    /// <summary>
    /// The masked contact per method (<c>email</c>, <c>sms</c>) the buttons may show: real masks of eligible contacts,
    /// deterministic fake ones where there is none (docs/security.md D3). Masks only, never an address.
    /// </summary>
    public IReadOnlyDictionary<string, string> Masks { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Methods with a real eligible contact behind them (the others' masks are fake); used only after a first proof.</summary>
    public IReadOnlyList<string> MethodsOnFile { get; init; } = [];

    /// <summary>Recovery addresses (email, phone) currently on file, for the safeguard coverage of the F2 report; never shown.</summary>
    public int RecoveryContacts { get; init; }
}
