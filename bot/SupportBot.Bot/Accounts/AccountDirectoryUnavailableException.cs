namespace SupportBot.Bot.Accounts;

/// <summary>The account service did not answer usefully (timeout, 5xx, malformed reply). The bot degrades to its neutral replies.</summary>
public sealed class AccountDirectoryUnavailableException : Exception
{
    public AccountDirectoryUnavailableException()
    {
    }

    public AccountDirectoryUnavailableException(string message)
        : base(message)
    {
    }

    public AccountDirectoryUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
