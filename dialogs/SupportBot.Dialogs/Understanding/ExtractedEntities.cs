namespace SupportBot.Dialogs.Understanding;

/// <summary>The entities found in one utterance, each list in order of appearance.</summary>
public sealed record ExtractedEntities(
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> PhoneNumbers,
    IReadOnlyList<string> Codes,
    IReadOnlyList<string> Usernames)
{
    public static ExtractedEntities None { get; } = new([], [], [], []);

    /// <summary>The first identifier that could name an account: email, then phone, then username.</summary>
    public string? FirstIdentifier => Emails.FirstOrDefault() ?? PhoneNumbers.FirstOrDefault() ?? Usernames.FirstOrDefault();
}
