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
    IReadOnlyList<string> RiskSignals);
