using System.Globalization;

namespace SupportBot.Dialogs.Localization;

/// <summary>Checks localisation data the way CI does, returning every problem as a <see cref="LocaleFinding"/>.</summary>
/// <remarks>
/// <para>Checks, in addition to the structural ones of <see cref="LocaleCatalogLoader"/> (UTF-8, JSON, duplicate and malformed keys):</para>
/// <list type="bullet">
/// <item>language folders are cultures .NET knows and are listed in <c>languages.json</c>; fallbacks name known languages;</item>
/// <item>every message parses as ICU MessageFormat (with the error position);</item>
/// <item>plural branches equal the language's CLDR categories: a missing category is an error, one the language never
/// selects (English <c>few</c>) a warning; <c>=N</c> branches are always allowed;</item>
/// <item>a translation uses the same argument names and kinds as the source, and no select key the source lacks;</item>
/// <item>no key exists only in a translation (orphan), and every source key is reachable in each language through its
/// fallbacks before <c>en</c> (so an overlay such as fr-CA needs only the keys that differ from fr).</item>
/// </list>
/// <para>Used by <c>supportbot locales check</c>; the runtime loads without these checks so a bad translation degrades to its fallback.</para>
/// </remarks>
/// <threadsafety>Stateless apart from its options; safe to share.</threadsafety>
internal sealed class LocaleCatalogValidator
{
    private static readonly Lazy<HashSet<string>> KnownCultures = new(() =>
        CultureInfo.GetCultures(CultureTypes.AllCultures)
            .Select(c => c.Name)
            .Where(n => n.Length > 0)
            .ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>Creates a validator.</summary>
    /// <param name="options">The options; defaults when null.</param>
    public LocaleCatalogValidator(LocaleValidationOptions? options = null)
    {
        Options = options ?? new LocaleValidationOptions();
    }

    /// <summary>The options in use.</summary>
    public LocaleValidationOptions Options { get; }

    /// <summary>Validates everything in <paramref name="source"/>; findings are sorted by file, key and kind.</summary>
    public IReadOnlyList<LocaleFinding> Validate(ILocaleSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var loaded = LocaleCatalogLoader.Load(source);
        var sourceFolder = $"{Options.SourceLanguage}/";

        // At runtime a missing source catalog only weakens fallback; for CI it is an error.
        var findings = loaded.Findings
            .Select(f => f is { Kind: LocaleFindingKind.MissingData } && f.File == sourceFolder ? f with { Severity = LocaleFindingSeverity.Error } : f)
            .ToList();
        var catalogs = loaded.Catalogs;

        CheckLanguages(catalogs, source.ReadMetaFile(LocalizationConstants.LanguagesFile) is not null, findings);
        var patterns = ParseAll(catalogs, findings);

        var sourceCatalog = catalogs.GetCatalog(Options.SourceLanguage);
        if (sourceCatalog is null)
        {
            if (!findings.Exists(f => f.File == sourceFolder && f.Kind == LocaleFindingKind.MissingData))
            {
                findings.Add(new LocaleFinding(sourceFolder, null, "the source language has no catalog", LocaleFindingSeverity.Error, LocaleFindingKind.MissingData));
            }
        }
        else
        {
            foreach (var catalog in catalogs.Catalogs.Where(c => c != sourceCatalog).OrderBy(c => c.Language, StringComparer.Ordinal))
            {
                CompareWithSource(catalogs, catalog, sourceCatalog, patterns, findings);
            }
        }

        return
        [
            .. findings
                .OrderBy(f => f.File, StringComparer.Ordinal)
                .ThenBy(f => f.Key, StringComparer.Ordinal)
                .ThenBy(f => f.Kind),
        ];
    }

    private static void CheckLanguages(LocaleCatalogSet catalogs, bool hasLanguagesFile, List<LocaleFinding> findings)
    {
        var languagesFile = $"{LocalizationConstants.MetaFolder}/{LocalizationConstants.LanguagesFile}";
        foreach (var catalog in catalogs.Catalogs)
        {
            var folder = $"{catalog.Language}/";
            if (!KnownCultures.Value.Contains(catalog.Language))
            {
                findings.Add(new LocaleFinding(folder, null, $"'{catalog.Language}' is not a culture .NET knows", LocaleFindingSeverity.Error, LocaleFindingKind.InvalidLanguage));
            }

            if (hasLanguagesFile && catalogs.GetLanguage(catalog.Language) is null)
            {
                findings.Add(new LocaleFinding(folder, null, $"'{catalog.Language}' has a catalog but is not listed in languages.json", LocaleFindingSeverity.Error, LocaleFindingKind.UnlistedLanguage));
            }
        }

        foreach (var language in catalogs.Languages)
        {
            if (!KnownCultures.Value.Contains(language.Code))
            {
                findings.Add(new LocaleFinding(languagesFile, language.Code, $"'{language.Code}' is not a culture .NET knows", LocaleFindingSeverity.Error, LocaleFindingKind.InvalidLanguage));
            }

            if (catalogs.GetCatalog(language.Code) is null)
            {
                findings.Add(new LocaleFinding(languagesFile, language.Code, "listed, but there is no catalog folder yet", LocaleFindingSeverity.Warning, LocaleFindingKind.UnlistedLanguage));
            }

            foreach (var fallback in language.Fallback)
            {
                if (catalogs.GetLanguage(fallback) is null && catalogs.GetCatalog(fallback) is null)
                {
                    findings.Add(new LocaleFinding(languagesFile, language.Code, $"fallback '{fallback}' is neither listed nor a catalog", LocaleFindingSeverity.Warning, LocaleFindingKind.InvalidLanguage));
                }
            }
        }
    }

    private static Dictionary<(string Language, string Key), MessagePattern> ParseAll(LocaleCatalogSet catalogs, List<LocaleFinding> findings)
    {
        var patterns = new Dictionary<(string, string), MessagePattern>();
        foreach (var catalog in catalogs.Catalogs)
        {
            foreach (var entry in catalog.Entries.Values)
            {
                var parsed = MessagePattern.Parse(entry.Message);
                if (!parsed.Success)
                {
                    findings.Add(new LocaleFinding(entry.File, entry.Key, $"invalid ICU message: {parsed.Error.Message}", LocaleFindingSeverity.Error, LocaleFindingKind.InvalidMessage));
                    continue;
                }

                patterns[(catalog.Language, entry.Key)] = parsed.Pattern;
                CheckPluralCategories(catalogs.PluralRules, catalog.Language, entry, parsed.Pattern, findings);
            }
        }

        return patterns;
    }

    private static void CheckPluralCategories(
        PluralRules rules,
        string language,
        CatalogEntry entry,
        MessagePattern pattern,
        List<LocaleFinding> findings)
    {
        foreach (var argument in pattern.Arguments)
        {
            if (argument.Kind is not (MessageArgumentKind.Plural or MessageArgumentKind.SelectOrdinal))
            {
                continue;
            }

            var ordinal = argument.Kind == MessageArgumentKind.SelectOrdinal;
            var expected = (ordinal ? rules.GetOrdinalRules(language) : rules.GetCardinalRules(language)).Categories;
            var used = new List<PluralCategory>();
            foreach (var selector in argument.Selectors)
            {
                if (PluralCategories.TryParse(selector, out var category))
                {
                    used.Add(category);
                }
            }

            var kind = ordinal ? "selectordinal" : "plural";
            var missing = expected.Except(used).Select(c => c.ToKeyword()).ToList();
            if (missing.Count > 0)
            {
                findings.Add(new LocaleFinding(
                    entry.File,
                    entry.Key,
                    $"{kind} '{argument.Name}' lacks {string.Join(", ", missing)}; '{language}' uses {string.Join(", ", expected.Select(c => c.ToKeyword()))}",
                    LocaleFindingSeverity.Error,
                    LocaleFindingKind.PluralCategoryMissing));
            }

            var unused = used.Except(expected).Select(c => c.ToKeyword()).ToList();
            if (unused.Count > 0)
            {
                findings.Add(new LocaleFinding(
                    entry.File,
                    entry.Key,
                    $"{kind} '{argument.Name}' has {string.Join(", ", unused)}, which '{language}' never selects",
                    LocaleFindingSeverity.Warning,
                    LocaleFindingKind.PluralCategoryUnused));
            }
        }
    }

    private void CompareWithSource(
        LocaleCatalogSet catalogs,
        LanguageCatalog catalog,
        LanguageCatalog sourceCatalog,
        Dictionary<(string Language, string Key), MessagePattern> patterns,
        List<LocaleFinding> findings)
    {
        foreach (var entry in catalog.Entries.Values)
        {
            if (!sourceCatalog.Entries.ContainsKey(entry.Key))
            {
                findings.Add(new LocaleFinding(entry.File, entry.Key, $"the key is not in the source language '{sourceCatalog.Language}'", LocaleFindingSeverity.Error, LocaleFindingKind.OrphanKey));
            }
            else if (patterns.TryGetValue((catalog.Language, entry.Key), out var translation)
                && patterns.TryGetValue((sourceCatalog.Language, entry.Key), out var original))
            {
                CompareArguments(entry, translation, original, findings);
            }
        }

        // A key counts as present if the language or one of its fallbacks, before the source language, has it.
        var reachable = catalogs.Resolve(catalog.Language).Chain
            .Select(l => l.Catalog)
            .Where(c => c != sourceCatalog)
            .ToList();
        var severity = Options.CompleteLanguages.Contains(catalog.Language, StringComparer.OrdinalIgnoreCase)
            ? LocaleFindingSeverity.Error
            : LocaleFindingSeverity.Warning;
        foreach (var key in sourceCatalog.Entries.Keys.Order(StringComparer.Ordinal))
        {
            if (!reachable.Exists(c => c.Entries.ContainsKey(key)))
            {
                findings.Add(new LocaleFinding($"{catalog.Language}/", key, $"missing; users of '{catalog.Language}' get the {sourceCatalog.Language} text", severity, LocaleFindingKind.MissingKey));
            }
        }
    }

    private static void CompareArguments(CatalogEntry entry, MessagePattern translation, MessagePattern original, List<LocaleFinding> findings)
    {
        var translated = KindsByName(translation);
        var expected = KindsByName(original);
        foreach (var (name, kind) in translated)
        {
            if (!expected.TryGetValue(name, out var expectedKind))
            {
                findings.Add(new LocaleFinding(entry.File, entry.Key, $"argument '{{{name}}}' is not in the source message", LocaleFindingSeverity.Error, LocaleFindingKind.ArgumentMismatch));
            }
            else if (kind != expectedKind)
            {
                findings.Add(new LocaleFinding(entry.File, entry.Key, $"argument '{name}' is used as {kind} but the source uses it as {expectedKind}", LocaleFindingSeverity.Error, LocaleFindingKind.ArgumentMismatch));
            }
        }

        foreach (var name in expected.Keys.Where(n => !translated.ContainsKey(n)))
        {
            findings.Add(new LocaleFinding(entry.File, entry.Key, $"argument '{{{name}}}' of the source message is missing", LocaleFindingSeverity.Error, LocaleFindingKind.ArgumentMismatch));
        }

        var sourceSelectKeys = original.Arguments
            .Where(a => a.Kind == MessageArgumentKind.Select)
            .ToLookup(a => a.Name, a => a.Selectors);
        foreach (var select in translation.Arguments.Where(a => a.Kind == MessageArgumentKind.Select))
        {
            var known = sourceSelectKeys[select.Name].SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
            foreach (var key in select.Selectors.Where(k => k != "other" && !known.Contains(k)))
            {
                findings.Add(new LocaleFinding(entry.File, entry.Key, $"select '{select.Name}' has key '{key}', which the source does not have", LocaleFindingSeverity.Error, LocaleFindingKind.UnknownSelectKey));
            }
        }
    }

    /// <summary>How each argument is used; <c>{x}</c> and <c>{x, number}</c> both just show the value, so they count as the same kind.</summary>
    private static Dictionary<string, string> KindsByName(MessagePattern pattern) =>
        pattern.Arguments
            .GroupBy(a => a.Name, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.First().Kind switch
                {
                    MessageArgumentKind.Simple or MessageArgumentKind.Number => "a value",
                    MessageArgumentKind.Plural => "a plural",
                    MessageArgumentKind.SelectOrdinal => "a selectordinal",
                    _ => "a select",
                },
                StringComparer.Ordinal);
}
