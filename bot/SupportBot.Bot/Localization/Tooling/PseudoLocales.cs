using System.Text.Json;
using SupportBot.Dialogs.Localization;

namespace SupportBot.Bot.Localization.Tooling;

/// <summary>The two pseudo-locales generated from the source catalogs: file name → (key → message).</summary>
internal static class PseudoLocales
{
    /// <summary>For each pseudo-locale, the source's catalog files transformed (recognizer data is left out).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> Generate(string localesRoot)
    {
        var sourceFolder = Path.Combine(localesRoot, LocalizationConstants.SourceLanguage);
        var files = Directory.GetFiles(sourceFolder, "*.json")
            .Where(path => LocalizationConstants.IsCatalogFile(Path.GetFileName(path)))
            .Order(StringComparer.Ordinal)
            .ToDictionary(path => Path.GetFileName(path), path => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllBytes(path)) ?? []);
        return new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(StringComparer.Ordinal)
        {
            [PseudoLocalizer.Accented] = Transform(files, mirrored: false),
            [PseudoLocalizer.Mirrored] = Transform(files, mirrored: true),
        };
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Transform(Dictionary<string, Dictionary<string, string>> files, bool mirrored) =>
        files.ToDictionary(
            file => file.Key,
            file => (IReadOnlyDictionary<string, string>)file.Value.ToDictionary(entry => entry.Key, entry => PseudoLocalizer.Transform(entry.Value, mirrored), StringComparer.Ordinal),
            StringComparer.Ordinal);
}
