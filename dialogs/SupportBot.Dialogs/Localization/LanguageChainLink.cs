using System.Globalization;

namespace SupportBot.Dialogs.Localization;

/// <summary>One step of a resolved fallback chain: a catalog and how to format its messages for the requested language.</summary>
/// <param name="Catalog">The catalog to look in.</param>
/// <param name="Culture">The culture numbers are formatted in: the requested one when the catalog is the same base language, else the catalog's own.</param>
/// <param name="IsolateArguments">Whether interpolated values get bidi isolates: the requested language or the catalog's is right to left.</param>
internal sealed record LanguageChainLink(LanguageCatalog Catalog, CultureInfo Culture, bool IsolateArguments);
