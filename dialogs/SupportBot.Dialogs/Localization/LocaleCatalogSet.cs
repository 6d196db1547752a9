using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;

namespace SupportBot.Dialogs.Localization;

/// <summary>An immutable snapshot of all localisation data: catalogs, language metadata and plural rules.</summary>
/// <remarks>
/// <para>
/// Resolution of a requested tag follows the data: a language listed in <c>languages.json</c> uses its own
/// <c>fallback</c> list (fr-CA → fr → en); an unlisted tag walks CLDR parents (es-MX → es-419 → es, fr-BE → fr) until it
/// meets a listed language and continues with that language's list. <c>en</c> always ends the chain. Steps without a
/// catalog are skipped, so a listed draft language with no folder yet still resolves.
/// </para>
/// <para>
/// The direction of an unlisted language comes from .NET's culture data, so right-to-left isolation still happens for
/// a tag nobody listed yet (e.g. fa).
/// </para>
/// </remarks>
/// <threadsafety>Immutable data plus a concurrent resolution cache; safe to share.</threadsafety>
internal sealed class LocaleCatalogSet
{
    private const int MaxCachedResolutions = 512;

    private readonly FrozenDictionary<string, LanguageCatalog> _catalogs;
    private readonly FrozenDictionary<string, LanguageInfo> _languages;
    private readonly ConcurrentDictionary<string, LanguageResolution> _resolutions = new(StringComparer.Ordinal);

    /// <summary>Creates the snapshot.</summary>
    /// <param name="catalogs">One catalog per language folder.</param>
    /// <param name="languages">The entries of <c>languages.json</c>.</param>
    /// <param name="pluralRules">The CLDR plural rules, whose parent locales also drive fallback for unlisted tags.</param>
    public LocaleCatalogSet(IEnumerable<LanguageCatalog> catalogs, IEnumerable<LanguageInfo> languages, PluralRules pluralRules)
    {
        ArgumentNullException.ThrowIfNull(catalogs);
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(pluralRules);
        _catalogs = catalogs.ToFrozenDictionary(c => c.Language, StringComparer.OrdinalIgnoreCase);
        _languages = languages.ToFrozenDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);
        PluralRules = pluralRules;
    }

    /// <summary>The CLDR plural rules.</summary>
    public PluralRules PluralRules { get; }

    /// <summary>The catalogs, one per language folder.</summary>
    public IReadOnlyCollection<LanguageCatalog> Catalogs => _catalogs.Values;

    /// <summary>The languages listed in <c>languages.json</c>.</summary>
    public IReadOnlyCollection<LanguageInfo> Languages => _languages.Values;

    /// <summary>The catalog of exactly <paramref name="language"/> (case-insensitive), or null.</summary>
    public LanguageCatalog? GetCatalog(string language) => _catalogs.GetValueOrDefault(language);

    /// <summary>The <c>languages.json</c> entry of exactly <paramref name="language"/> (case-insensitive), or null.</summary>
    public LanguageInfo? GetLanguage(string language) => _languages.GetValueOrDefault(language);

    /// <summary>Where to look, and how to format, for <paramref name="language"/>; cached per tag.</summary>
    /// <param name="language">A language tag such as <c>fr-CA</c> or <c>fr_CA</c>; empty means the source language.</param>
    public LanguageResolution Resolve(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (_resolutions.TryGetValue(language, out var cached))
        {
            return cached;
        }

        var resolved = ResolveUncached(language);

        // Tags come from users and channels; cap the cache so odd tags cannot grow it without bound.
        if (_resolutions.Count < MaxCachedResolutions)
        {
            _resolutions.TryAdd(language, resolved);
        }

        return resolved;
    }

    private static CultureInfo? TryGetCulture(string tag)
    {
        try
        {
            return CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
        }
        catch (ArgumentException)
        {
            // CultureNotFoundException, or a tag with characters a culture name cannot have.
            return null;
        }
    }

    private LanguageResolution ResolveUncached(string language)
    {
        var requested = LanguageTags.Normalize(language);
        if (requested.Length == 0)
        {
            requested = LocalizationConstants.SourceLanguage;
        }

        requested = Canonical(requested);
        var steps = new List<string>();
        LanguageInfo? listed = null;
        for (string? tag = requested; tag is not null; tag = LanguageTags.GetParent(tag, PluralRules.ParentLocales))
        {
            var canonical = Canonical(tag);
            steps.Add(canonical);
            if (_languages.TryGetValue(canonical, out listed))
            {
                steps.AddRange(listed.Fallback);
                break;
            }
        }

        steps.Add(LocalizationConstants.SourceLanguage);

        var catalogs = steps
            .Select(GetCatalog)
            .OfType<LanguageCatalog>()
            .DistinctBy(c => c.Language, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var culture = TryGetCulture(requested)
            ?? catalogs.Select(c => TryGetCulture(c.Language)).FirstOrDefault(c => c is not null)
            ?? CultureInfo.InvariantCulture;
        var rightToLeft = listed?.IsRightToLeft ?? culture.TextInfo.IsRightToLeft;

        var chain = catalogs
            .Select(catalog =>
            {
                var sameLanguage = LanguageTags.SameBaseLanguage(requested, catalog.Language);
                var catalogCulture = TryGetCulture(catalog.Language);
                var catalogRightToLeft = GetLanguage(catalog.Language)?.IsRightToLeft
                    ?? catalogCulture?.TextInfo.IsRightToLeft
                    ?? false;
                var formatCulture = sameLanguage ? culture : catalogCulture ?? CultureInfo.InvariantCulture;
                return new LanguageChainLink(catalog, formatCulture, rightToLeft || catalogRightToLeft);
            })
            .ToArray();

        var isKnown = GetCatalog(requested) is not null || GetLanguage(requested) is not null;
        var known = isKnown
            ? requested
            : listed?.Code ?? catalogs.FirstOrDefault()?.Language ?? LocalizationConstants.SourceLanguage;

        return new LanguageResolution(
            language,
            known,
            culture,
            rightToLeft ? TextDirection.RightToLeft : TextDirection.LeftToRight,
            chain);
    }

    private string Canonical(string tag) =>
        GetLanguage(tag)?.Code ?? GetCatalog(tag)?.Language ?? tag;
}
