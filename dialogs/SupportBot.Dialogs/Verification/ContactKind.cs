namespace SupportBot.Dialogs.Verification;

/// <summary>How a contact on file is reached.</summary>
public enum ContactKind
{
    Email,
    Phone,
}
