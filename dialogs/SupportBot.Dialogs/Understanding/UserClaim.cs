namespace SupportBot.Dialogs.Understanding;

/// <summary>Something a claimant offers or asks for that verification must refuse, whatever the wording (docs/security.md B7, E2).</summary>
public enum UserClaim
{
    None,

    /// <summary>Personal facts offered as proof: birthday, city, card digits, friends' names, last login place.</summary>
    PersonalFacts,

    /// <summary>A request to change, add or send to a new email or phone in chat.</summary>
    ContactChange,
}
