namespace SupportBot.Bot.Accounts;

/// <summary>
/// The platform's account service, as far as recovery needs it. It cannot change contacts, passwords or sessions:
/// the only write is spending a saved recovery code, which the platform records.
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
}
