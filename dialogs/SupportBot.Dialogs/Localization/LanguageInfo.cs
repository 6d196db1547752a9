namespace SupportBot.Dialogs.Localization;

/// <summary>One entry of <c>locales/_meta/languages.json</c>.</summary>
/// <remarks>
/// Fallback chains are data, not <see cref="System.Globalization.CultureInfo.Parent"/>: .NET maps es-MX to es, not to
/// es-419, and the product may want fr-CA → fr even where CLDR says otherwise (docs/localization.md §4).
/// </remarks>
/// <param name="Code">The language tag, e.g. <c>fr-CA</c>.</param>
/// <param name="Name">The English name, e.g. <c>French (Canada)</c>.</param>
/// <param name="NativeName">The name in the language itself, shown in the language picker.</param>
/// <param name="Direction">The writing direction.</param>
/// <param name="Fallback">The languages to try, in order, when a key is missing; <c>en</c> is always tried last, listed or not.</param>
internal sealed record LanguageInfo(
    string Code,
    string Name,
    string NativeName,
    TextDirection Direction,
    IReadOnlyList<string> Fallback)
{
    /// <summary>Whether the language is written right to left.</summary>
    public bool IsRightToLeft => Direction == TextDirection.RightToLeft;
}
