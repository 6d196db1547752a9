using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Dialogs.Localization;

namespace SupportBot.Bot.Localization.Tooling;

/// <summary>
/// The pseudo-locales generated in memory at start-up (never written to <c>locales/</c>, so nothing stale is
/// committed), when <c>Locales:PseudoLocales</c> is on (default: outside Production). The bot's catalogs, the list of
/// supported languages and the web page's picker and strings all read them from here.
/// </summary>
internal sealed class PseudoLocaleCatalogs
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> _catalogs;

    public PseudoLocaleCatalogs(string localesRoot, bool enabled)
    {
        Enabled = enabled;
        // Case-insensitive: the page normalises qps-ploc to qps-Ploc (a four-letter subtag reads as a script).
        _catalogs = enabled
            ? new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(PseudoLocales.Generate(localesRoot), StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(StringComparer.OrdinalIgnoreCase);
    }

    public bool Enabled { get; }

    /// <summary>The pseudo-locale codes, when enabled.</summary>
    public IReadOnlyList<string> Languages => [.. _catalogs.Keys];

    /// <summary>Whether <paramref name="language"/> is <c>qps-plocm</c> (right to left).</summary>
    public static bool IsRightToLeft(string language) => string.Equals(language, PseudoLocalizer.Mirrored, StringComparison.OrdinalIgnoreCase);

    public bool Contains(string language) => _catalogs.ContainsKey(language);

    /// <summary>The messages of one file of a pseudo-locale (e.g. <c>ui.json</c>), or null.</summary>
    public IReadOnlyDictionary<string, string>? File(string language, string fileName) =>
        _catalogs.TryGetValue(language, out var files) && files.TryGetValue(fileName, out var messages) ? messages : null;

    /// <summary>Every file of a pseudo-locale.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Files(string language) =>
        _catalogs.TryGetValue(language, out var files) ? files : new Dictionary<string, IReadOnlyDictionary<string, string>>();
}

/// <summary>The locales folder plus the in-memory pseudo-locales, for the bot's catalogs.</summary>
internal sealed class PseudoLocaleSource(ILocaleSource inner, PseudoLocaleCatalogs pseudo) : ILocaleSource
{
    public IReadOnlyList<string> Languages => [.. inner.Languages, .. pseudo.Languages];

    public IReadOnlyList<LocaleFile> ReadCatalogFiles(string language) =>
        pseudo.Contains(language)
            ? [.. pseudo.Files(language).OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => new LocaleFile($"{language}/{f.Key}", JsonSerializer.SerializeToUtf8Bytes(f.Value)))]
            : inner.ReadCatalogFiles(language);

    public LocaleFile? ReadMetaFile(string relativePath)
    {
        var file = inner.ReadMetaFile(relativePath);
        if (relativePath != LocalizationConstants.LanguagesFile || file is null || !pseudo.Enabled)
        {
            return file;
        }

        var languages = JsonNode.Parse(file.ReadText())!.AsObject();
        foreach (var language in pseudo.Languages)
        {
            languages[language] = new JsonObject
            {
                ["name"] = language,
                ["nativeName"] = language,
                ["dir"] = PseudoLocaleCatalogs.IsRightToLeft(language) ? "rtl" : "ltr",
                ["fallback"] = new JsonArray(LocalizationConstants.SourceLanguage),
            };
        }

        return LocaleFile.FromText(file.Path, languages.ToJsonString());
    }
}
