using System.Globalization;

namespace SupportBot.Dialogs.Localization;

/// <summary>A requested language tag resolved against the catalogs: where to look, in order, and how to format.</summary>
/// <remarks>Computed once per requested tag and cached, so a turn does no tag parsing or culture lookups.</remarks>
/// <param name="RequestedLanguage">The tag as asked for, e.g. <c>fr-CA</c>.</param>
/// <param name="Language">The known language it maps to (listed or with a catalog); used in logs, so odd tags cannot flood them.</param>
/// <param name="Culture">The culture of the requested tag, or of the nearest known language when .NET does not know the tag.</param>
/// <param name="Direction">The writing direction of the requested language.</param>
/// <param name="Chain">The catalogs to try, in order, ending with <c>en</c> when it exists.</param>
internal sealed record LanguageResolution(
    string RequestedLanguage,
    string Language,
    CultureInfo Culture,
    TextDirection Direction,
    IReadOnlyList<LanguageChainLink> Chain);
