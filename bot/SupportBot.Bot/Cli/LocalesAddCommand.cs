using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Bot.Localization.Tooling;
using SupportBot.Dialogs.Localization;

namespace SupportBot.Bot.Cli;

/// <summary>
/// <c>supportbot locales add --language xx</c> scaffolds a language folder from the source, every value marked for
/// translation, and lists it as a draft in <c>languages.json</c>; <c>--country XX</c> writes a draft profile from the template.
/// </summary>
internal static class LocalesAddCommand
{
    /// <summary>Put in front of every scaffolded value; <c>locales check</c> reports values that still carry it.</summary>
    public const string TranslateMarker = "⟦translate⟧ ";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var path = LocalesCommand.PathOption();
        var language = new Option<string?>("--language") { Description = "A language code .NET knows, e.g. pl or fr-CA." };
        var country = new Option<string?>("--country") { Description = "An ISO 3166-1 alpha-2 code, e.g. PL." };
        var add = new Command("add", "Scaffold a new language (from en) or a new country (from the template), as a draft.") { path, language, country };
        add.SetAction(parseResult =>
        {
            var root = LocalesCommand.ResolvePath(parseResult.GetValue(path));
            try
            {
                return (parseResult.GetValue(language), parseResult.GetValue(country)) switch
                {
                    ({ } code, null) => AddLanguage(root, code, output),
                    (null, { } iso) => AddCountry(root, iso, output),
                    _ => Fail(error, "Give exactly one of --language xx or --country XX."),
                };
            }
            catch (InvalidOperationException exception)
            {
                return Fail(error, exception.Message);
            }
        });
        return add;
    }

    private static int AddLanguage(string root, string code, TextWriter output)
    {
        var culture = CultureInfo.GetCultures(CultureTypes.AllCultures).FirstOrDefault(c => c.Name.Length > 0 && string.Equals(c.Name, code, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"'{code}' is not a language .NET knows; use a code listed by CultureInfo.GetCultures (e.g. pl, fr-CA).");
        var tag = culture.Name;
        var folder = Path.Combine(root, tag);
        if (Directory.Exists(folder))
        {
            throw new InvalidOperationException($"locales/{tag}/ already exists.");
        }

        // The language's CLDR categories, so every plural starts with the branches the language needs.
        string? Meta(string file) => File.Exists(Path.Combine(root, LocalizationConstants.MetaFolder, file)) ? File.ReadAllText(Path.Combine(root, LocalizationConstants.MetaFolder, file)) : null;
        var rules = PluralRules.FromCldrJson(Meta(LocalizationConstants.PluralsFile), Meta(LocalizationConstants.OrdinalsFile), Meta(LocalizationConstants.ParentLocalesFile));
        var cardinal = rules.GetCardinalRules(tag).Categories.Select(c => c.ToKeyword()).ToList();
        var ordinal = rules.GetOrdinalRules(tag).Categories.Select(c => c.ToKeyword()).ToList();

        Directory.CreateDirectory(folder);
        var source = Path.Combine(root, LocalizationConstants.SourceLanguage);
        var keys = 0;
        foreach (var file in Directory.GetFiles(source, "*.json").Where(f => LocalizationConstants.IsCatalogFile(Path.GetFileName(f))).Order(StringComparer.Ordinal))
        {
            var messages = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllBytes(file)) ?? [];
            var marked = messages.ToDictionary(
                pair => pair.Key,
                pair => TranslateMarker + PluralBranchCompleter.Complete(pair.Value, cardinal, ordinal),
                StringComparer.Ordinal);
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(file)), JsonSerializer.Serialize(marked, s_json) + "\n");
            keys += marked.Count;
        }

        var languagesFile = Path.Combine(root, LocalizationConstants.MetaFolder, LocalizationConstants.LanguagesFile);
        var languages = File.Exists(languagesFile) ? JsonNode.Parse(File.ReadAllText(languagesFile))!.AsObject() : [];
        if (!languages.ContainsKey(tag))
        {
            languages[tag] = new JsonObject
            {
                ["name"] = culture.EnglishName,
                ["nativeName"] = culture.NativeName,
                ["dir"] = culture.TextInfo.IsRightToLeft ? "rtl" : "ltr",
                ["fallback"] = new JsonArray(tag.Contains('-', StringComparison.Ordinal) ? [tag.Split('-')[0], LocalizationConstants.SourceLanguage] : [LocalizationConstants.SourceLanguage]),
                ["status"] = "draft",
            };
            File.WriteAllText(languagesFile, languages.ToJsonString(s_json) + "\n");
        }

        output.WriteLine($"Added locales/{tag}/ with {keys} values marked '{TranslateMarker.Trim()}', and a draft entry in languages.json.");
        output.WriteLine($"Next: translate the values, add {tag}/intents.json (≥ {LocalesCheck.MinimumExamplesPerIntent} examples per intent) and {tag}/commands.json, then run 'supportbot locales check'.");
        return 0;
    }

    private static int AddCountry(string root, string iso, TextWriter output)
    {
        iso = iso.ToUpperInvariant();
        RegionInfo region;
        try
        {
            region = iso.Length == 2 && iso.All(char.IsAsciiLetterUpper) ? new RegionInfo(iso) : throw new ArgumentException(iso);
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException($"'{iso}' is not an ISO 3166-1 alpha-2 country code .NET knows.");
        }

        var countries = Path.Combine(root, "countries");
        var target = Path.Combine(countries, iso + ".json");
        if (File.Exists(target))
        {
            throw new InvalidOperationException($"locales/countries/{iso}.json already exists.");
        }

        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(countries, "_template.json")))!.AsObject();
        profile["iso"] = iso;
        profile["name"] = region.EnglishName;
        profile["status"] = "draft";
        profile["currency"] = region.ISOCurrencySymbol;

        // A real culture of the country from the start, so the draft passes the check until its facts are filled in.
        var cultures = CultureInfo.GetCultures(CultureTypes.SpecificCultures).Where(c => c.Name.EndsWith("-" + iso, StringComparison.Ordinal)).ToList();
        var culture = cultures.Find(c => c.Name == "en-" + iso) ?? cultures.FirstOrDefault();
        if (culture is not null)
        {
            profile["formatting"]!["culture"] = culture.Name;
        }
        File.WriteAllText(target, profile.ToJsonString(s_json) + "\n");
        output.WriteLine($"Added locales/countries/{iso}.json (draft) from the template.");
        output.WriteLine("Next: fill in languages, formatting, support hours and holidays, phone rules and the regulator, then run 'supportbot locales check'.");
        return 0;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 1;
    }
}
