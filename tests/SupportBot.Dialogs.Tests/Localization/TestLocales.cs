using SupportBot.Dialogs.Localization;

namespace SupportBot.Dialogs.Tests.Localization;

/// <summary>Builds in-memory locale sources with the real CLDR data and a small <c>languages.json</c>.</summary>
internal static class TestLocales
{
    /// <summary>A <c>languages.json</c> with en, fr, fr-CA (→ fr → en), ar (rtl) and de.</summary>
    public const string LanguagesJson = """
        {
          "en": { "name": "English", "nativeName": "English", "dir": "ltr", "fallback": [] },
          "fr": { "name": "French", "nativeName": "Français", "dir": "ltr", "fallback": ["en"] },
          "fr-CA": { "name": "French (Canada)", "nativeName": "Français (Canada)", "dir": "ltr", "fallback": ["fr", "en"] },
          "ar": { "name": "Arabic", "nativeName": "العربية", "dir": "rtl", "fallback": ["en"], "calendar": "gregory" },
          "de": { "name": "German", "nativeName": "Deutsch", "dir": "ltr", "fallback": ["en"] }
        }
        """;

    private static readonly Lazy<PluralRules> CldrRules = new(() => PluralRules.FromCldrJson(
        File.ReadAllText(Path.Combine(RepositoryPaths.Cldr, "plurals.json")),
        File.ReadAllText(Path.Combine(RepositoryPaths.Cldr, "ordinals.json")),
        File.ReadAllText(Path.Combine(RepositoryPaths.Cldr, "parentLocales.json"))));

    /// <summary>The plural rules of the shipped CLDR data, parsed once per test run.</summary>
    public static PluralRules Rules => CldrRules.Value;

    /// <summary>A source with the CLDR files, <see cref="LanguagesJson"/>, and <paramref name="files"/> (path → JSON).</summary>
    public static InMemoryLocaleSource Source(params (string Path, string Json)[] files)
    {
        var source = new InMemoryLocaleSource()
            .Add("_meta/cldr/plurals.json", File.ReadAllBytes(Path.Combine(RepositoryPaths.Cldr, "plurals.json")))
            .Add("_meta/cldr/ordinals.json", File.ReadAllBytes(Path.Combine(RepositoryPaths.Cldr, "ordinals.json")))
            .Add("_meta/cldr/parentLocales.json", File.ReadAllBytes(Path.Combine(RepositoryPaths.Cldr, "parentLocales.json")))
            .Add("_meta/languages.json", LanguagesJson);
        foreach (var (path, json) in files)
        {
            source.Add(path, json);
        }

        return source;
    }
}
