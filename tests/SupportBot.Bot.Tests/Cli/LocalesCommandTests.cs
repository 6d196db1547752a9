using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace SupportBot.Bot.Tests.Cli;

/// <summary>
/// <c>supportbot locales …</c> as CI and localisation teams run it, on a temporary copy of the repository's locales:
/// English, German (a copy of English, so complete), and the GB, AU and DE profiles.
/// </summary>
public sealed class LocalesCommandTests : IDisposable
{
    private static readonly string Repository = FindRepository();
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("supportbot-locales-");

    public LocalesCommandTests()
    {
        var source = Path.Combine(Repository, "locales");
        CopyFolder(Path.Combine(source, "_meta"), Path.Combine(Locales, "_meta"));
        CopyFolder(Path.Combine(source, "en"), Path.Combine(Locales, "en"));
        CopyFolder(Path.Combine(source, "en"), Path.Combine(Locales, "de"));
        CopyFolder(Path.Combine(source, "countries", "_schema"), Path.Combine(Locales, "countries", "_schema"));
        File.Copy(Path.Combine(source, "countries", "_template.json"), Path.Combine(Locales, "countries", "_template.json"));
        foreach (var iso in new[] { "GB", "AU", "DE" })
        {
            File.Copy(Path.Combine(source, "countries", iso + ".json"), Path.Combine(Locales, "countries", iso + ".json"));
        }

        // DE offers German only in this copy.
        Edit("countries/DE.json", profile => profile["languages"]!["offered"] = new JsonArray("de"));
    }

    private string Locales => Path.Combine(_root.FullName, "locales");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Check_OnCompleteData_PassesWithExitZero()
    {
        var (exit, output) = await RunAsync("locales", "check", "--path", Locales);

        Assert.True(exit == 0, output);
        Assert.Contains("locales check: 0 error(s)", output, StringComparison.Ordinal);
        Assert.Contains("2 language(s) and 3 country profile(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NamesEverySeededMistake_AndExitsOne()
    {
        EditCatalog("de/messages.json", messages =>
        {
            messages["verify.passed"] = "Danke {name";                                          // broken ICU
            messages.Remove("queue.waiting");                                                    // missing key
            messages["queue.queued"] = messages["queue.queued"]!.GetValue<string>().Replace("one {", "few {", StringComparison.Ordinal); // wrong plural category
        });
        Edit("countries/DE.json", profile => profile["support"]!["timeZone"] = "Europe/Atlantis");
        Edit("countries/GB.json", profile => profile["phone"]!["exampleMobile"] = "+446700900123");

        var (exit, output) = await RunAsync("locales", "check", "--path", Locales);

        Assert.Equal(1, exit);
        Assert.Contains("error de/messages.json verify.passed: invalid ICU message", output, StringComparison.Ordinal);
        Assert.Contains("error de/ queue.waiting: missing", output, StringComparison.Ordinal);
        Assert.Contains("error de/messages.json queue.queued: plural 'position' lacks one", output, StringComparison.Ordinal);
        Assert.Contains("warning de/messages.json queue.queued: plural 'position' has few", output, StringComparison.Ordinal);
        Assert.Contains("error countries/DE.json support.timeZone: the time zone does not resolve", output, StringComparison.Ordinal);
        Assert.Contains("error countries/GB.json phone.exampleMobile:", output, StringComparison.Ordinal);
        Assert.Contains("does not match phone.mobilePattern", output, StringComparison.Ordinal);
        Assert.Contains("→ fix:", output, StringComparison.Ordinal);
        Assert.Matches(@"locales check: [1-9]\d* error\(s\)", output);
    }

    [Fact]
    public async Task Check_MissingKeysOfADraftOnlyLanguage_AreWarnings()
    {
        Edit("countries/DE.json", profile => profile["status"] = "draft");
        EditCatalog("de/messages.json", messages => messages.Remove("queue.waiting"));

        var (exit, output) = await RunAsync("locales", "check", "--path", Locales);

        Assert.True(exit == 0, output);
        Assert.Contains("warning de/ queue.waiting: missing", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ALegalTextMissingInAnOfferedLanguage_IsAnError()
    {
        EditCatalog("de/legal.json", legal => legal.Remove("legal.complaint-rights"));

        var (exit, output) = await RunAsync("locales", "check", "--path", Locales);

        Assert.Equal(1, exit);
        Assert.Contains("error countries/DE.json legal: legal text 'legal.complaint-rights' is missing in 'de'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddLanguage_ScaffoldsADraftFromEnglish_AndRefusesUnknownCodes()
    {
        var (exit, output) = await RunAsync("locales", "add", "--path", Locales, "--language", "pl");
        Assert.True(exit == 0, output);

        var messages = JsonNode.Parse(File.ReadAllText(Path.Combine(Locales, "pl", "messages.json")))!.AsObject();
        Assert.All(messages, pair => Assert.StartsWith("⟦translate⟧ ", pair.Value!.GetValue<string>(), StringComparison.Ordinal));
        var languages = JsonNode.Parse(File.ReadAllText(Path.Combine(Locales, "_meta", "languages.json")))!;
        Assert.Equal("draft", languages["pl"]!["status"]!.GetValue<string>());
        Assert.Equal("polski", languages["pl"]!["nativeName"]!.GetValue<string>());

        // Polish plurals need one, few, many and other: the scaffold has them all (copies of other), so no plural error.
        Assert.Contains("few {There are # people ahead of you.}", messages["queue.queued"]!.GetValue<string>(), StringComparison.Ordinal);

        // A draft language: still-marked values are warnings, not errors.
        var (checkExit, check) = await RunAsync("locales", "check", "--path", Locales);
        Assert.True(checkExit == 0, check);
        Assert.DoesNotContain("error pl/", check, StringComparison.Ordinal);
        Assert.Contains("warning pl/messages.json queue.queued: still marked for translation", check, StringComparison.Ordinal);

        var (badExit, bad) = await RunAsync("locales", "add", "--path", Locales, "--language", "xx-QQ");
        Assert.Equal(1, badExit);
        Assert.Contains("'xx-QQ' is not a language .NET knows", bad, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Locales, "xx-QQ")));
    }

    [Fact]
    public async Task AddCountry_WritesADraftProfileFromTheTemplate_ThatPassesTheCheck()
    {
        var (exit, output) = await RunAsync("locales", "add", "--path", Locales, "--country", "pl");
        Assert.True(exit == 0, output);

        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(Locales, "countries", "PL.json")))!;
        Assert.Equal("PL", profile["iso"]!.GetValue<string>());
        Assert.Equal("draft", profile["status"]!.GetValue<string>());
        Assert.Equal("PLN", profile["currency"]!.GetValue<string>());

        var (checkExit, check) = await RunAsync("locales", "check", "--path", Locales);
        Assert.True(checkExit == 0, check);
        Assert.Contains("4 country profile(s)", check, StringComparison.Ordinal);

        var (againExit, again) = await RunAsync("locales", "add", "--path", Locales, "--country", "PL");
        Assert.Equal(1, againExit);
        Assert.Contains("already exists", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pseudo_WritesAccentedLongerBracketedAndMirroredCatalogs_WithIcuUntouched()
    {
        var target = Path.Combine(_root.FullName, "pseudo");
        var (exit, output) = await RunAsync("locales", "pseudo", "--path", Locales, "--out", target);
        Assert.True(exit == 0, output);

        var english = JsonNode.Parse(File.ReadAllText(Path.Combine(Locales, "en", "messages.json")))!.AsObject();
        var accented = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "qps-ploc", "messages.json")))!.AsObject();
        var mirrored = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "qps-plocm", "messages.json")))!.AsObject();
        Assert.Equal(english.Count, accented.Count);

        var queued = accented["queue.queued"]!.GetValue<string>();
        Assert.StartsWith("[", queued, StringComparison.Ordinal);
        Assert.EndsWith("]", queued, StringComparison.Ordinal);
        Assert.Contains("Ýöû'ŕé", queued, StringComparison.Ordinal);
        Assert.Contains("**{caseId}**", queued, StringComparison.Ordinal);
        Assert.Contains("{position, plural, =0 {", queued, StringComparison.Ordinal);
        Assert.Contains("} one {", queued, StringComparison.Ordinal);
        Assert.Contains("#", queued, StringComparison.Ordinal);
        Assert.True(queued.Length >= english["queue.queued"]!.GetValue<string>().Length * 1.3, queued);

        Assert.Contains('\u202E', mirrored["queue.queued"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stats_ReportsCompletenessPerLanguageAndCountry()
    {
        EditCatalog("de/messages.json", messages => messages.Remove("queue.waiting"));

        var (exit, output) = await RunAsync("locales", "stats", "--path", Locales, "--json");
        Assert.True(exit == 0, output);

        var report = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
        var languages = report.GetProperty("languages").EnumerateArray().ToDictionary(l => l.GetProperty("language").GetString()!);
        Assert.Equal(1.0, languages["en"].GetProperty("completeness").GetDouble());
        Assert.Equal(languages["en"].GetProperty("keys").GetInt32() - 1, languages["de"].GetProperty("keys").GetInt32());
        Assert.True(languages["en"].GetProperty("examples").GetInt32() > 1000);

        var countries = report.GetProperty("countries").EnumerateArray().ToDictionary(c => c.GetProperty("iso").GetString()!);
        Assert.Equal("live", countries["GB"].GetProperty("status").GetString());
        Assert.False(countries["DE"].GetProperty("languages")[0].GetProperty("complete").GetBoolean());

        var (tableExit, table) = await RunAsync("locales", "stats", "--path", Locales);
        Assert.Equal(0, tableExit);
        Assert.Contains("✗de", table, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] arguments)
    {
        var data = Directory.CreateTempSubdirectory("supportbot-cli-").FullName;
        using var process = CliProcess.Start(data, arguments);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(90));
        Directory.Delete(data, recursive: true);
        return (exit, process.Output);
    }

    private void Edit(string relativePath, Action<JsonObject> change)
    {
        var path = Path.Combine(Locales, relativePath);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        change(json);
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private void EditCatalog(string relativePath, Action<JsonObject> change) => Edit(relativePath, change);

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SupportBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SupportBot.sln not found");
    }
}
