namespace SupportBot.Bot.Storage;

/// <summary>
/// One-time codes (keyed hashes only) and the per-account counters that throttle them across every
/// conversation, channel and node. Every method is atomic on its own.
/// </summary>
public interface IVerificationStore
{
    /// <summary>Stores a new code for (account, session) and invalidates any earlier live one for the same pair.</summary>
    Task StoreCodeAsync(IssuedCode code, CancellationToken cancellationToken);

    /// <summary>The live (unused, not invalidated) code of (account, session), or <see langword="null"/>.</summary>
    Task<IssuedCode?> GetLiveCodeAsync(string accountId, string sessionId, CancellationToken cancellationToken);

    /// <summary>Adds one wrong entry to a code; returns the code's wrong entries so far.</summary>
    Task<int> AddCodeFailureAsync(string codeId, CancellationToken cancellationToken);

    /// <summary>Marks a code used if it was live; returns <see langword="false"/> if it was used or invalidated already.</summary>
    Task<bool> ConsumeCodeAsync(string codeId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Adds one to the account's consecutive-failure counter; returns the new value. Never reset by a resend.</summary>
    Task<int> AddAccountFailureAsync(string accountId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The account's consecutive failures and when the last one happened.</summary>
    Task<AccountFailures> GetAccountFailuresAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Clears the consecutive-failure counter after a successful verification.</summary>
    Task ResetAccountFailuresAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Records one code send to an account's destination (a contact id, never the address).</summary>
    Task RecordSendAsync(string accountId, string destinationKey, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Sends to the account since <paramref name="since"/>, and to the destination if one is given.</summary>
    Task<int> CountSendsAsync(string accountId, string? destinationKey, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// The account's failures and its sends in the hour and the day before <paramref name="now"/>, and the sends to
    /// <paramref name="destinationKey"/> (from any account: one phone behind many accounts is one destination) in the
    /// hour and the day before it, from one consistent read.
    /// </summary>
    /// <remarks>
    /// The same figures as <see cref="GetAccountFailuresAsync"/> and three <see cref="CountSendsAsync"/> calls
    /// (a send at exactly the window's start counts), in one round trip: every code send needs all four.
    /// </remarks>
    Task<SendWindow> GetSendWindowAsync(string accountId, string destinationKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new code as <see cref="StoreCodeAsync"/> does and records its send to
    /// <see cref="IssuedCode.DestinationKey"/> at <see cref="IssuedCode.IssuedAt"/>, atomically.
    /// </summary>
    /// <remarks>
    /// One write instead of two, and no live code exists without its send counted: a crash between the two
    /// writes can no longer leave a code that the send caps never saw.
    /// </remarks>
    Task IssueCodeAsync(IssuedCode code, CancellationToken cancellationToken);

    /// <summary>
    /// Issues <paramref name="code"/> as <see cref="IssueCodeAsync"/> does only if, counted inside the same write,
    /// the account and the destination are still under <paramref name="perHour"/> and <paramref name="perDay"/> sends;
    /// returns whether it did. Parallel conversations cannot all pass a check made before any of them wrote.
    /// </summary>
    Task<bool> TryIssueCodeAsync(IssuedCode code, int perHour, int perDay, CancellationToken cancellationToken);

    /// <summary>
    /// The account's failures and the live code of (account, session), as <see cref="GetAccountFailuresAsync"/> and
    /// <see cref="GetLiveCodeAsync"/> return them, in one round trip.
    /// </summary>
    Task<CodeCheckState> GetCodeCheckStateAsync(string accountId, string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a code used as <see cref="ConsumeCodeAsync"/> does and, only if it was live, clears its account's
    /// consecutive-failure counter as <see cref="ResetAccountFailuresAsync"/> does, atomically.
    /// </summary>
    /// <remarks>
    /// One write instead of two, and the counter is cleared by the same transaction that spent the code: a code
    /// that lost the race to be consumed, or was never live, clears nothing.
    /// </remarks>
    /// <returns>Whether the code was live and is now used.</returns>
    Task<bool> AcceptCodeAsync(string codeId, string accountId, DateTimeOffset at, CancellationToken cancellationToken);
}
