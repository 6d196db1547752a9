namespace SupportBot.Bot.Accounts;

/// <summary>
/// The platform's account service, as far as recovery needs it. It cannot change contacts or passwords: its writes
/// are spending a saved recovery code (and asking the platform for its replacement) and, after an agent restored
/// access, asking the platform to revoke the account's sessions.
/// </summary>
/// <remarks>Implementations throw <see cref="AccountDirectoryUnavailableException"/> when the service cannot answer.</remarks>
public interface IAccountDirectory
{
    /// <summary>The account an email, phone number or username belongs to (including contacts removed recently), or <see langword="null"/>.</summary>
    Task<AccountRecord?> FindAsync(string identifier, CancellationToken cancellationToken);

    /// <summary>The account with this id (the key a verification session keeps), or <see langword="null"/>.</summary>
    Task<AccountRecord?> FindByIdAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Spends one of the account's saved recovery codes: <see langword="true"/> if <paramref name="code"/> was an unused
    /// one (it is now used, and the use recorded), <see langword="false"/> otherwise.
    /// </summary>
    Task<bool> RedeemRecoveryCodeAsync(string accountId, string code, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// After a saved recovery code was spent (security.md B2): the platform issues a replacement and shows it to the
    /// owner only inside their signed-in session; the bot never sees or shows it. <see langword="true"/> if a
    /// replacement is now waiting there. A directory that cannot reissue answers <see langword="false"/> and the
    /// owner's notice asks them to make a new set.
    /// </summary>
    Task<bool> ReissueRecoveryCodeAsync(string accountId, DateTimeOffset at, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>
    /// After an agent restored access (security.md B11): the platform signs the account out everywhere, so a
    /// hijacker's sessions end; the owner signs in again with a new session. <see langword="true"/> if revoked.
    /// </summary>
    Task<bool> RevokeSessionsAsync(string accountId, DateTimeOffset at, CancellationToken cancellationToken) => Task.FromResult(false);
}
