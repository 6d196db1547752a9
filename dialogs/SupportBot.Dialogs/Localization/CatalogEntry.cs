namespace SupportBot.Dialogs.Localization;

/// <summary>One message of a catalog and the file it came from.</summary>
/// <param name="Key">The message key.</param>
/// <param name="Message">The ICU text.</param>
/// <param name="File">The file that defines it, relative to the locales root; named in findings and logs.</param>
internal sealed record CatalogEntry(string Key, string Message, string File);
