using SupportBot.Dialogs.Verification;

namespace SupportBot.Bot.Accounts;

/// <summary>What the platform's account service tells the bot about an account: never shown to users or agents whole.</summary>
public sealed record AccountRecord(
    string AccountId,
    string Username,
    AccountStatus Status,
    bool MfaEnabled,
    IReadOnlyList<ContactOnFile> Contacts);
