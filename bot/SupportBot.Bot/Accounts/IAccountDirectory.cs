namespace SupportBot.Bot.Accounts;

/// <summary>The platform's account service, as far as recovery needs it. Read-only: the bot can change nothing.</summary>
public interface IAccountDirectory
{
    /// <summary>The account an email, phone number or username belongs to (including contacts removed recently), or <see langword="null"/>.</summary>
    Task<AccountRecord?> FindAsync(string identifier, CancellationToken cancellationToken);

    /// <summary>The account with this id (the key a verification session keeps), or <see langword="null"/>.</summary>
    Task<AccountRecord?> FindByIdAsync(string accountId, CancellationToken cancellationToken);
}
