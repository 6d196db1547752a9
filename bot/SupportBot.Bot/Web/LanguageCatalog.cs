using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Bot.Localization;

namespace SupportBot.Bot.Web;

/// <summary>The language list (<c>locales/_meta/languages.json</c>) and the page's strings (<c>locales/&lt;tag&gt;/ui.json</c>).</summary>
/// <remarks>
/// Catalogs are read per request: they are small, only the page asks for them, and a translator's new
/// <c>ui.json</c> then shows up without a restart. The page's strings move behind <c>IStringLocalizer</c> later.
/// </remarks>
internal sealed partial class LanguageCatalog(LocaleFolder locales, Localization.Tooling.PseudoLocaleCatalogs? pseudo = null)
{
    public const string FallbackLanguage = "en";
    public const string UiCatalogFileName = "ui.json";

    /// <summary>The catalogs whose strings the page reads: its own, and the bot challenge's status lines (Security/BotChallenge).</summary>
    public static readonly IReadOnlyList<string> PageCatalogFileNames = [UiCatalogFileName, "challenge.json"];
    public const string MetadataRelativePath = "_meta/languages.json";
    public const string FallbackUiCatalogRelativePath = $"{FallbackLanguage}/{UiCatalogFileName}";

    private readonly string _root = locales.Root;

    private readonly Lazy<IReadOnlyList<LanguageInfo>> _languages = new(() =>
        [.. ReadMetadata(locales.Root), .. (pseudo?.Languages ?? []).Select(code => new LanguageInfo(code, code, code, Localization.Tooling.PseudoLocaleCatalogs.IsRightToLeft(code) ? "rtl" : "ltr"))]);

    /// <summary>Every language in the metadata, in file order, whether or not it has strings yet.</summary>
    public IReadOnlyList<LanguageInfo> All => _languages.Value;

    /// <summary>The languages that have a <c>ui.json</c>: the ones the picker offers.</summary>
    public IReadOnlyList<LanguageInfo> GetAvailable() =>
        All.Where(language => File.Exists(Path.Combine(_root, language.Code, UiCatalogFileName)) || pseudo?.Contains(language.Code) == true).ToList();

    /// <summary>The metadata for a tag, or for its base language (<c>ar-EG</c> → <c>ar</c>).</summary>
    public LanguageInfo? Find(string tag)
    {
        var normalized = NormalizeTag(tag);
        if (normalized is null)
        {
            return null;
        }

        var baseLanguage = normalized.Split('-')[0];
        return All.FirstOrDefault(language => string.Equals(language.Code, normalized, StringComparison.OrdinalIgnoreCase))
            ?? All.FirstOrDefault(language => language.Code == baseLanguage);
    }

    /// <summary>The page's strings for <paramref name="tag"/>: the fallback catalog, overlaid by the base language, overlaid by the full tag.</summary>
    /// <param name="tag">A tag already checked with <see cref="NormalizeTag"/>.</param>
    public async Task<UiStrings> GetUiStringsAsync(string tag, CancellationToken cancellationToken)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var language = FallbackLanguage;
        foreach (var candidate in FallbackChain(tag))
        {
            foreach (var fileName in PageCatalogFileNames)
            {
                if (await ReadPageCatalogAsync(candidate, fileName, cancellationToken) is not { } catalog)
                {
                    continue;
                }

                foreach (var (key, value) in catalog)
                {
                    strings[key] = value;
                }

                if (fileName == UiCatalogFileName)
                {
                    language = candidate;
                }
            }
        }

        return new UiStrings(language, strings);
    }

    private async Task<IReadOnlyDictionary<string, string>?> ReadPageCatalogAsync(string language, string fileName, CancellationToken cancellationToken)
    {
        if (pseudo?.File(language, fileName) is { } generated)
        {
            return generated;
        }

        var file = Path.Combine(_root, language, fileName);
        if (!File.Exists(file))
        {
            return null;
        }

        await using var stream = File.OpenRead(file);
        return await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(stream, cancellationToken: cancellationToken)
            ?? throw new JsonException($"{file} is not a JSON object.");
    }

    /// <summary>
    /// A well-formed tag in canonical case (<c>AR-eg</c> → <c>ar-EG</c>), or <see langword="null"/>.
    /// Only letters, digits and hyphens get through, so the result is safe as a folder name.
    /// </summary>
    public static string? NormalizeTag(string? tag)
    {
        if (tag is null || !TagPattern().IsMatch(tag))
        {
            return null;
        }

        var subtags = tag.Split('-');
        for (var i = 0; i < subtags.Length; i++)
        {
            subtags[i] = i == 0 ? subtags[i].ToLowerInvariant() : subtags[i].Length switch
            {
                2 => subtags[i].ToUpperInvariant(),
                4 => char.ToUpperInvariant(subtags[i][0]) + subtags[i][1..].ToLowerInvariant(),
                _ => subtags[i].ToLowerInvariant(),
            };
        }

        return string.Join('-', subtags);
    }

    private static IEnumerable<string> FallbackChain(string tag)
    {
        yield return FallbackLanguage;
        var subtags = tag.Split('-');
        for (var length = 1; length <= subtags.Length; length++)
        {
            var prefix = string.Join('-', subtags[..length]);
            if (prefix != FallbackLanguage)
            {
                yield return prefix;
            }
        }
    }

    private static IReadOnlyList<LanguageInfo> ReadMetadata(string root)
    {
        var file = Path.Combine(root, MetadataRelativePath);
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        return document.RootElement.EnumerateObject()
            .Select(entry => new LanguageInfo(
                entry.Name,
                RequiredString(entry, "name"),
                RequiredString(entry, "nativeName"),
                RequiredString(entry, "dir") is "rtl" ? "rtl" : "ltr"))
            .ToList();

        string RequiredString(JsonProperty entry, string property) =>
            entry.Value.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new JsonException($"{file}: '{entry.Name}' has no string '{property}'.");
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
