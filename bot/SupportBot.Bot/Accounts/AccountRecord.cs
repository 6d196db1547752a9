using SupportBot.Dialogs.Verification;

namespace SupportBot.Bot.Accounts;

/// <summary>What the platform's account service tells the bot about an account: never shown to users or agents whole.</summary>
/// <param name="Contacts">Every contact in the account's history, removed ones included, with when and from where it was added.</param>
public sealed record AccountRecord(
    string AccountId,
    string Username,
    AccountStatus Status,
    bool MfaEnabled,
    IReadOnlyList<ContactOnFile> Contacts)
{
    /// <summary>Whether the owner saved recovery codes when turning on two-factor authentication (and has unused ones).</summary>
    public bool HasRecoveryCodes { get; init; }

    /// <summary>Recent security events (password, email and phone changes, new devices and countries, SIM changes), newest first.</summary>
    public IReadOnlyList<SecurityEvent> SecurityEvents { get; init; } = [];
}
