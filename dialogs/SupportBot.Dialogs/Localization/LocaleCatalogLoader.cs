using System.Text.Json;
using System.Text.Unicode;

namespace SupportBot.Dialogs.Localization;

/// <summary>Reads an <see cref="ILocaleSource"/> into a <see cref="LocaleCatalogSet"/>, reporting structural problems as findings.</summary>
/// <remarks>
/// <para>
/// Catalogs are read with <see cref="Utf8JsonReader"/> rather than deserialised, because a dictionary deserialiser
/// silently keeps the last of two duplicate keys, and a duplicate is exactly the mistake a merge of two translation
/// branches makes. Every file of a language folder is merged; a key defined twice, in one file or across files, is an
/// error. Files named <c>intents*.json</c> and <c>commands*.json</c> are recognizer data and are skipped.
/// </para>
/// <para>
/// Messages are not compiled here: the formatter compiles each on first use and the validator compiles them all, so
/// loading stays cheap and a broken translation degrades to its fallback instead of stopping the bot.
/// </para>
/// </remarks>
/// <threadsafety>Stateless.</threadsafety>
internal static class LocaleCatalogLoader
{
    private static readonly JsonReaderOptions StrictJson = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Loads everything <paramref name="source"/> holds.</summary>
    public static LocaleCatalogLoadResult Load(ILocaleSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var findings = new List<LocaleFinding>();
        var languages = ReadLanguages(source.ReadMetaFile(LocalizationConstants.LanguagesFile), findings);
        var pluralRules = ReadPluralRules(source, findings);

        var catalogs = new List<LanguageCatalog>();
        foreach (var language in source.Languages)
        {
            var entries = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
            foreach (var file in source.ReadCatalogFiles(language).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                if (LocalizationConstants.IsCatalogFile(file.Name))
                {
                    ReadCatalogFile(file, entries, findings);
                }
            }

            catalogs.Add(new LanguageCatalog(language, entries.Values));
        }

        if (!catalogs.Exists(c => c.Language == LocalizationConstants.SourceLanguage))
        {
            findings.Add(new LocaleFinding(
                $"{LocalizationConstants.SourceLanguage}/",
                null,
                $"there is no catalog for the source language '{LocalizationConstants.SourceLanguage}', which ends every fallback chain",
                LocaleFindingSeverity.Warning,
                LocaleFindingKind.MissingData));
        }

        return new LocaleCatalogLoadResult(new LocaleCatalogSet(catalogs, languages, pluralRules), findings);
    }

    /// <summary>Reads one flat catalog file into <paramref name="entries"/>, reporting problems.</summary>
    /// <param name="file">The file.</param>
    /// <param name="entries">The entries of the language so far; duplicates are checked against them.</param>
    /// <param name="findings">Where problems go.</param>
    public static void ReadCatalogFile(LocaleFile file, Dictionary<string, CatalogEntry> entries, List<LocaleFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(findings);

        var bytes = file.Content.Span;
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (!Utf8.IsValid(bytes))
        {
            findings.Add(Error(file, null, "the file is not valid UTF-8", LocaleFindingKind.InvalidJson));
            return;
        }

        if (bytes.Trim(" \t\r\n"u8).IsEmpty)
        {
            findings.Add(Error(file, null, "the file is empty; a catalog must be one JSON object of \"key\": \"ICU message\" pairs", LocaleFindingKind.InvalidJson));
            return;
        }

        var reader = new Utf8JsonReader(bytes, StrictJson);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                findings.Add(Error(file, null, "a catalog must be one JSON object of \"key\": \"ICU message\" pairs", LocaleFindingKind.InvalidJson));
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                var line = LineOf(bytes, reader.TokenStartIndex);
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    findings.Add(Error(file, key, $"line {line}: the value must be a string; catalogs are flat, one ICU message per key", LocaleFindingKind.InvalidValue));
                    reader.Skip();
                    continue;
                }

                var message = reader.GetString()!;
                if (!MessageKeys.IsValid(key))
                {
                    findings.Add(Error(file, key, $"line {line}: keys must match ^[a-z0-9]+([._-][a-z0-9]+)*$", LocaleFindingKind.InvalidKey));
                }
                else if (entries.TryGetValue(key, out var first))
                {
                    findings.Add(Error(file, key, $"line {line}: duplicate key, already defined in {first.File}", LocaleFindingKind.DuplicateKey));
                }
                else
                {
                    entries.Add(key, new CatalogEntry(key, message, file.Path));
                }
            }

            // Reading past the root object throws if anything but whitespace follows it.
            reader.Read();
        }
        catch (JsonException ex)
        {
            findings.Add(Error(file, null, $"invalid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {FirstSentence(ex.Message)}", LocaleFindingKind.InvalidJson));
        }
        catch (InvalidOperationException ex)
        {
            findings.Add(Error(file, null, $"invalid JSON: {ex.Message}", LocaleFindingKind.InvalidJson));
        }
    }

    /// <summary>Reads <c>languages.json</c>: <c>{ "fr-CA": { "name": …, "nativeName": …, "dir": "ltr", "fallback": ["fr", "en"] } }</c>.</summary>
    /// <remarks>Unknown properties are ignored, so other features can keep their own fields (calendar, status…) in the same entry.</remarks>
    public static IReadOnlyList<LanguageInfo> ReadLanguages(LocaleFile? file, List<LocaleFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var languages = new List<LanguageInfo>();
        var path = $"{LocalizationConstants.MetaFolder}/{LocalizationConstants.LanguagesFile}";
        if (file is null)
        {
            findings.Add(new LocaleFinding(path, null, "languages.json is missing: no fallback chains, and directions come from .NET culture data", LocaleFindingSeverity.Warning, LocaleFindingKind.MissingData));
            return languages;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(file.Content, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            findings.Add(Error(file, null, $"invalid JSON: {FirstSentence(ex.Message)}", LocaleFindingKind.InvalidLanguage));
            return languages;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                findings.Add(Error(file, null, "languages.json must be an object keyed by language tag", LocaleFindingKind.InvalidLanguage));
                return languages;
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(entry.Name))
                {
                    findings.Add(Error(file, entry.Name, "duplicate language", LocaleFindingKind.DuplicateKey));
                    continue;
                }

                if (ReadLanguage(file, entry, findings) is { } language)
                {
                    languages.Add(language);
                }
            }
        }

        return languages;
    }

    private static LanguageInfo? ReadLanguage(LocaleFile file, JsonProperty entry, List<LocaleFinding> findings)
    {
        var code = entry.Name;
        if (entry.Value.ValueKind != JsonValueKind.Object || !LanguageTags.LooksLikeTag(code))
        {
            findings.Add(Error(file, code, "each entry must be a language tag mapped to an object", LocaleFindingKind.InvalidLanguage));
            return null;
        }

        var value = entry.Value;
        var direction = TextDirection.LeftToRight;
        if (value.TryGetProperty("dir", out var dir))
        {
            switch (dir.ValueKind == JsonValueKind.String ? dir.GetString() : null)
            {
                case "ltr":
                    break;
                case "rtl":
                    direction = TextDirection.RightToLeft;
                    break;
                default:
                    findings.Add(Error(file, code, "\"dir\" must be \"ltr\" or \"rtl\"", LocaleFindingKind.InvalidLanguage));
                    break;
            }
        }

        var fallback = new List<string>();
        if (value.TryGetProperty("fallback", out var chain))
        {
            if (chain.ValueKind != JsonValueKind.Array || chain.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                findings.Add(Error(file, code, "\"fallback\" must be an array of language tags", LocaleFindingKind.InvalidLanguage));
            }
            else
            {
                fallback.AddRange(chain.EnumerateArray().Select(e => e.GetString()!));
            }
        }

        return new LanguageInfo(code, ReadString(value, "name") ?? code, ReadString(value, "nativeName") ?? code, direction, fallback);
    }

    private static PluralRules ReadPluralRules(ILocaleSource source, List<LocaleFinding> findings)
    {
        string? Read(string relativePath, LocaleFindingSeverity severityIfMissing)
        {
            var file = source.ReadMetaFile(relativePath);
            if (file is null)
            {
                findings.Add(new LocaleFinding(
                    $"{LocalizationConstants.MetaFolder}/{relativePath}",
                    null,
                    "CLDR data is missing; copy it from the CLDR JSON release with its LICENSE",
                    severityIfMissing,
                    LocaleFindingKind.MissingData));
            }

            return file?.ReadText();
        }

        var plurals = Read(LocalizationConstants.PluralsFile, LocaleFindingSeverity.Error);
        var ordinals = Read(LocalizationConstants.OrdinalsFile, LocaleFindingSeverity.Error);
        var parents = Read(LocalizationConstants.ParentLocalesFile, LocaleFindingSeverity.Warning);
        try
        {
            return PluralRules.FromCldrJson(plurals, ordinals, parents);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            findings.Add(new LocaleFinding(
                $"{LocalizationConstants.MetaFolder}/cldr/",
                null,
                $"CLDR plural data cannot be read: {ex.Message}",
                LocaleFindingSeverity.Error,
                LocaleFindingKind.MissingData));
            return PluralRules.Empty;
        }
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int LineOf(ReadOnlySpan<byte> bytes, long offset) => bytes[..(int)offset].Count((byte)'\n') + 1;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).Trim();
    }

    private static LocaleFinding Error(LocaleFile file, string? key, string message, LocaleFindingKind kind) =>
        new(file.Path, key, message, LocaleFindingSeverity.Error, kind);
}
