using System.Text.RegularExpressions;
using SupportBot.Dialogs.Verification;

namespace SupportBot.Bot.Agents;

/// <summary>
/// Masks email addresses and phone numbers in text an agent or hub reads (the user may have typed their own as the
/// identifier): agents work from the masked evidence, never from contacts in clear (security.md E1, H13).
/// </summary>
internal static partial class ContactMasking
{
    public static string Mask(string text) =>
        string.IsNullOrEmpty(text)
            ? text
            : Phone().Replace(Email().Replace(text, m => ContactMask.Mask(ContactKind.Email, m.Value)), m => ContactMask.Mask(ContactKind.Phone, m.Value));

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // Seven or more digits with the usual separators, not part of a case number or a word.
    [GeneratedRegex(@"(?<![\w-])\+?\d[\d\s().-]{5,}\d(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
