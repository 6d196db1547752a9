namespace SupportBot.Bot.Accounts;

/// <summary>Whether an account can be recovered through the chat.</summary>
public enum AccountStatus
{
    Active,

    /// <summary>Locked by a security check; its owner can recover it.</summary>
    Locked,

    /// <summary>Disabled for a policy violation; only the appeal route applies.</summary>
    Disabled,
}
