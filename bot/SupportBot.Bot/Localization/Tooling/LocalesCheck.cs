using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Dialogs.Countries;
using SupportBot.Dialogs.Localization;

namespace SupportBot.Bot.Localization.Tooling;

/// <summary>
/// Everything <c>supportbot locales check</c> verifies (docs/localization.md §6 "CI checks"): the catalog checks of
/// <see cref="LocaleCatalogValidator"/>, then country profiles and their cross-checks, overlays, markup, recognizer
/// examples, keys used in code, and a render of every message with sample numbers.
/// </summary>
/// <remarks>
/// Missing keys are errors for languages offered by pilot or live countries and warnings for draft-only languages,
/// so a translation in progress does not block CI until its country is rolled out.
/// </remarks>
internal sealed partial class LocalesCheck(string localesRoot)
{
    /// <summary>Fewer recognizer examples than this per intent is an error for pilot/live languages (a warning otherwise).</summary>
    public const int MinimumExamplesPerIntent = 25;

    private static readonly double[] s_sampleNumbers = [0, 1, 2, 3, 5, 11, 21, 101, 1.5];

    public string LocalesRoot { get; } = Path.GetFullPath(localesRoot);

    public LocalesCheckReport Run()
    {
        var findings = new List<LocaleFinding>();
        var countriesFolder = Path.Combine(LocalesRoot, CountryProfileLoader.FolderName);
        IReadOnlyList<CountryProfile> profiles = [];
        if (Directory.Exists(countriesFolder))
        {
            (profiles, var countryFindings) = CountryProfileLoader.Load(countriesFolder);
            findings.AddRange(countryFindings);
        }
        else
        {
            findings.Add(new LocaleFinding("countries/", null, "no country profiles folder", LocaleFindingSeverity.Error, LocaleFindingKind.MissingData));
        }

        var complete = profiles.Where(p => p.Status != CountryStatus.Draft).SelectMany(p => p.Languages.Offered).ToHashSet(StringComparer.Ordinal);
        var source = new DirectoryLocaleSource(LocalesRoot);
        findings.AddRange(new LocaleCatalogValidator(new LocaleValidationOptions { CompleteLanguages = [.. complete] }).Validate(source));

        var catalogs = LocaleCatalogLoader.Load(source).Catalogs;
        var english = catalogs.GetCatalog(LocalizationConstants.SourceLanguage);
        if (english is not null)
        {
            CheckCountries(profiles, catalogs, english, findings);
            CheckOverlays(catalogs, findings);
            CheckMarkup(catalogs, english, findings);
            CheckStillMarked(catalogs, complete, findings);
            CheckRecognizerExamples(catalogs, complete, findings);
            CheckCodeKeys(english, profiles, findings);
            CheckRendering(catalogs, findings);
        }

        return new LocalesCheckReport(
            [.. findings.Distinct().OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Kind)],
            catalogs.Catalogs.Count,
            profiles.Count);
    }

    /// <summary>Offered languages complete, legal keys present in each, default offered (schema and loader check the rest).</summary>
    private static void CheckCountries(IReadOnlyList<CountryProfile> profiles, LocaleCatalogSet catalogs, LanguageCatalog english, List<LocaleFinding> findings)
    {
        foreach (var profile in profiles)
        {
            var file = $"countries/{profile.Iso}.json";
            var severity = profile.Status == CountryStatus.Draft ? LocaleFindingSeverity.Warning : LocaleFindingSeverity.Error;
            foreach (var language in profile.Languages.Offered)
            {
                var catalog = catalogs.GetCatalog(language);
                if (catalog is null)
                {
                    findings.Add(new LocaleFinding(file, "languages.offered", $"offers '{language}', which has no catalog folder; add locales/{language}/ (supportbot locales add --language {language})", LocaleFindingSeverity.Error, LocaleFindingKind.CountryLanguageIncomplete));
                    continue;
                }

                var missing = english.Entries.Keys.Count(key => !catalog.Entries.ContainsKey(key));
                if (language != LocalizationConstants.SourceLanguage && missing > 0)
                {
                    findings.Add(new LocaleFinding(file, "languages.offered", $"offers '{language}', which lacks {missing} of {english.Entries.Count} keys; translate them in locales/{language}/ (see the missing-key findings)", severity, LocaleFindingKind.CountryLanguageIncomplete));
                }

                foreach (var key in profile.Legal.All.Where(key => !catalog.Entries.ContainsKey(key)))
                {
                    findings.Add(new LocaleFinding(file, "legal", $"legal text '{key}' is missing in '{language}'; add it to locales/{language}/legal.json", LocaleFindingSeverity.Error, LocaleFindingKind.CountryLanguageIncomplete));
                }
            }
        }
    }

    /// <summary>An overlay (fr-CA) may only override keys its base language (fr) has.</summary>
    private static void CheckOverlays(LocaleCatalogSet catalogs, List<LocaleFinding> findings)
    {
        foreach (var overlay in catalogs.Catalogs.Where(c => c.Language.Contains('-', StringComparison.Ordinal)))
        {
            var baseLanguage = overlay.Language.Split('-')[0];
            if (catalogs.GetCatalog(baseLanguage) is not { } baseCatalog)
            {
                continue;
            }

            foreach (var entry in overlay.Entries.Values.Where(e => !baseCatalog.Entries.ContainsKey(e.Key)))
            {
                findings.Add(new LocaleFinding(entry.File, entry.Key, $"the overlay defines a key its base language '{baseLanguage}' does not have; add it to {baseLanguage} first or remove it here", LocaleFindingSeverity.Error, LocaleFindingKind.OverlayKey));
            }
        }
    }

    /// <summary>Bold markers and link targets must survive translation (Web Chat renders markdown).</summary>
    private static void CheckMarkup(LocaleCatalogSet catalogs, LanguageCatalog english, List<LocaleFinding> findings)
    {
        foreach (var catalog in catalogs.Catalogs.Where(c => c != english))
        {
            foreach (var entry in catalog.Entries.Values)
            {
                if (!english.Entries.TryGetValue(entry.Key, out var source))
                {
                    continue;
                }

                var bold = Count(entry.Message, "**");
                var sourceBold = Count(source.Message, "**");
                if (bold != sourceBold)
                {
                    findings.Add(new LocaleFinding(entry.File, entry.Key, $"has {bold / 2.0:0.#} bold span(s) (**…**), the source has {sourceBold / 2.0:0.#}; keep the same emphasis markers", LocaleFindingSeverity.Error, LocaleFindingKind.MarkupMismatch));
                }

                var links = Links(entry.Message);
                var sourceLinks = Links(source.Message);
                if (!links.SetEquals(sourceLinks))
                {
                    findings.Add(new LocaleFinding(entry.File, entry.Key, $"links differ from the source ({string.Join(", ", sourceLinks.Order(StringComparer.Ordinal))}); keep link targets unchanged", LocaleFindingSeverity.Error, LocaleFindingKind.MarkupMismatch));
                }
            }
        }

        static int Count(string text, string marker) => (text.Length - text.Replace(marker, string.Empty, StringComparison.Ordinal).Length) / marker.Length;
        static HashSet<string> Links(string text) => [.. LinkPattern().Matches(text).Select(m => m.Groups["url"].Value)];
    }

    /// <summary>Values scaffolded by <c>locales add</c> and not translated yet.</summary>
    private static void CheckStillMarked(LocaleCatalogSet catalogs, HashSet<string> complete, List<LocaleFinding> findings)
    {
        foreach (var catalog in catalogs.Catalogs.Where(c => c.Language != LocalizationConstants.SourceLanguage))
        {
            var severity = complete.Contains(catalog.Language) ? LocaleFindingSeverity.Error : LocaleFindingSeverity.Warning;
            foreach (var entry in catalog.Entries.Values.Where(e => e.Message.StartsWith(Cli.LocalesAddCommand.TranslateMarker, StringComparison.Ordinal)))
            {
                findings.Add(new LocaleFinding(entry.File, entry.Key, "still marked for translation; translate it and remove the marker", severity, LocaleFindingKind.MissingKey));
            }
        }
    }

    /// <summary>Every intent of the source has examples in every language that has messages; too few is an error for pilot/live languages.</summary>
    private void CheckRecognizerExamples(LocaleCatalogSet catalogs, HashSet<string> complete, List<LocaleFinding> findings)
    {
        var sourceIntents = ReadIntents(LocalizationConstants.SourceLanguage, findings);
        if (sourceIntents is null)
        {
            return;
        }

        foreach (var catalog in catalogs.Catalogs.Where(c => c.Language != LocalizationConstants.SourceLanguage && !c.Language.Contains('-', StringComparison.Ordinal)))
        {
            if (!File.Exists(Path.Combine(LocalesRoot, catalog.Language, "messages.json")))
            {
                continue;
            }

            var severity = complete.Contains(catalog.Language) ? LocaleFindingSeverity.Error : LocaleFindingSeverity.Warning;
            var file = $"{catalog.Language}/intents.json";
            var intents = ReadIntents(catalog.Language, findings);
            if (intents is null)
            {
                findings.Add(new LocaleFinding(file, null, $"no recognizer examples; add {file} with at least {MinimumExamplesPerIntent} examples per intent", severity, LocaleFindingKind.RecognizerExamples));
                continue;
            }

            foreach (var intent in sourceIntents.Keys.Order(StringComparer.Ordinal))
            {
                var count = intents.GetValueOrDefault(intent);
                if (count < MinimumExamplesPerIntent)
                {
                    findings.Add(new LocaleFinding(file, intent, $"{count} example(s); write at least {MinimumExamplesPerIntent} natural ones (informal, misspelled, short and long)", severity, LocaleFindingKind.RecognizerExamples));
                }
            }

            foreach (var intent in intents.Keys.Where(i => !sourceIntents.ContainsKey(i)))
            {
                findings.Add(new LocaleFinding(file, intent, "an intent the source language does not have; rename it to one of en/intents.json", LocaleFindingSeverity.Error, LocaleFindingKind.RecognizerExamples));
            }
        }
    }

    /// <summary>Intent → example count of a language's <c>intents*.json</c> files, or null when it has none.</summary>
    internal Dictionary<string, int>? ReadIntents(string language, List<LocaleFinding>? findings)
    {
        var folder = Path.Combine(LocalesRoot, language);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "intents*.json").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            return null;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(path));
                if (document.RootElement.TryGetProperty("intents", out var intents) && intents.ValueKind == JsonValueKind.Object)
                {
                    foreach (var intent in intents.EnumerateObject())
                    {
                        counts[intent.Name] = counts.GetValueOrDefault(intent.Name)
                            + (intent.Value.ValueKind == JsonValueKind.Array ? intent.Value.EnumerateArray().Count(e => e.ValueKind == JsonValueKind.String && e.GetString()!.Trim().Length > 0) : 0);
                    }
                }
            }
            catch (JsonException exception)
            {
                findings?.Add(new LocaleFinding($"{language}/{Path.GetFileName(path)}", null, $"not valid JSON ({exception.Message})", LocaleFindingSeverity.Error, LocaleFindingKind.InvalidJson));
            }
        }

        return counts;
    }

    /// <summary>
    /// Keys named in code (<c>Reply.Of("…")</c>, <c>ReplyAction("…")</c>, <c>data-i18n</c>) must exist in <c>en</c>; source keys
    /// that no code literal, prefix or country profile mentions are reported as unused. Skipped when there is no code
    /// beside the locales folder (a copy of it on its own).
    /// </summary>
    private void CheckCodeKeys(LanguageCatalog english, IReadOnlyList<CountryProfile> profiles, List<LocaleFinding> findings)
    {
        var repository = Path.GetDirectoryName(LocalesRoot)!;
        var codeFolders = new[] { "bot", "dialogs" }.Select(f => Path.Combine(repository, f)).Where(Directory.Exists).ToList();
        if (codeFolders.Count == 0)
        {
            return;
        }

        var literals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in codeFolders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories))
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".js", StringComparison.Ordinal) || p.EndsWith(".html", StringComparison.Ordinal))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}lib{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains("node_modules", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(path);
            var relative = Path.GetRelativePath(repository, path).Replace('\\', '/');
            foreach (Match match in StringLiteral().Matches(text))
            {
                literals.Add(match.Groups["value"].Value);
            }

            foreach (Match match in KeyInCode().Matches(text))
            {
                var key = match.Groups["key"].Value;
                if (!english.Entries.ContainsKey(key))
                {
                    var line = text.AsSpan(0, match.Index).Count('\n') + 1;
                    findings.Add(new LocaleFinding($"{relative}:{line}", key, "the code uses a key that is not in en; add it to a file of locales/en/ or fix the key", LocaleFindingSeverity.Error, LocaleFindingKind.UnknownKeyInCode));
                }
            }
        }

        // "help." + label and the like: a literal ending in '.' covers every key under it.
        var prefixes = literals.Where(l => l.EndsWith('.') && l.Length > 2).ToList();
        var referenced = profiles.SelectMany(p => p.Legal.All).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in english.Entries.Values.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!literals.Contains(entry.Key) && !referenced.Contains(entry.Key) && !prefixes.Exists(p => entry.Key.StartsWith(p, StringComparison.Ordinal)))
            {
                findings.Add(new LocaleFinding(entry.File, entry.Key, "no code, page or country profile refers to this key; remove it or use it", LocaleFindingSeverity.Warning, LocaleFindingKind.UnusedKey));
            }
        }
    }

    /// <summary>Formats every message of every language with each sample number for every argument.</summary>
    private static void CheckRendering(LocaleCatalogSet catalogs, List<LocaleFinding> findings)
    {
        var formatter = new MessageFormatter(catalogs.PluralRules);
        foreach (var catalog in catalogs.Catalogs)
        {
            var culture = CultureOf(catalog.Language);
            foreach (var entry in catalog.Entries.Values)
            {
                var parsed = MessagePattern.Parse(entry.Message);
                if (!parsed.Success)
                {
                    continue; // Reported by the validator.
                }

                foreach (var number in s_sampleNumbers)
                {
                    var arguments = parsed.Pattern.Arguments
                        .GroupBy(a => a.Name, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => g.First().Kind == MessageArgumentKind.Select ? (object?)"other" : number, StringComparer.Ordinal);
                    try
                    {
                        var text = formatter.Format(catalog.Language, parsed.Pattern, culture, MessageArguments.From(arguments)).Text;
                        if (string.IsNullOrWhiteSpace(text))
                        {
                            findings.Add(new LocaleFinding(entry.File, entry.Key, $"renders as empty text with {number.ToString(CultureInfo.InvariantCulture)}; give every branch words", LocaleFindingSeverity.Error, LocaleFindingKind.RenderFailed));
                            break;
                        }
                    }
                    catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException or MessageFormatException)
                    {
                        findings.Add(new LocaleFinding(entry.File, entry.Key, $"fails to render with {number.ToString(CultureInfo.InvariantCulture)}: {exception.Message}", LocaleFindingSeverity.Error, LocaleFindingKind.RenderFailed));
                        break;
                    }
                }
            }
        }
    }

    private static CultureInfo CultureOf(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    [GeneratedRegex(@"\]\((?<url>[^)\s]+)\)|(?<url>https?://[^\s)]+)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"([""'])(?<value>[a-z0-9]+(?:[._-][a-z0-9]+)*\.?)\1")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?:Reply\.Of\(|new ReplyAction\(|data-i18n(?:-aria-label)?="")\s*""?(?<key>[a-z0-9]+(?:[._-][a-z0-9]+)+)""")]
    private static partial Regex KeyInCode();
}
