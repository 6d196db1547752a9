using System.Text.Json;
using Xunit;

namespace SupportBot.Bot.Tests.Cli;

/// <summary><c>supportbot nlu classify</c> as translators run it: lines in, one JSON object per line out.</summary>
public sealed class NluClassifyCliTests
{
    [Fact]
    public async Task Classify_ReadsLines_PrintsOneJsonObjectPerLine()
    {
        var data = Directory.CreateTempSubdirectory("supportbot-cli-").FullName;
        using var classify = CliProcess.Start(data, "nlu", "classify", "--language", "en");
        await classify.SendLineAsync("someone hacked my account");
        await classify.SendLineAsync("I forgot my password");
        classify.CloseInput();
        Assert.Equal(0, await classify.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        var lines = JsonLines(classify.Output);
        Assert.Equal(2, lines.Count);
        Assert.Equal("someone hacked my account", lines[0].GetProperty("text").GetString());
        Assert.Equal("en", lines[0].GetProperty("language").GetString());
        Assert.Equal(1.0, lines[0].GetProperty("languageConfidence").GetDouble());
        Assert.Equal("account_hacked", lines[0].GetProperty("intent").GetString());
        Assert.Equal("forgot_password", lines[1].GetProperty("intent").GetString());
        Assert.InRange(lines[1].GetProperty("confidence").GetDouble(), 0.5, 1.0);
    }

    [Fact]
    public async Task Classify_WithoutLanguage_DetectsIt_FromTheLocalesFolderInLocalesPath()
    {
        // A locales folder of two made-up languages: detection and recognition follow the folder, not the repository's.
        var locales = Directory.CreateTempSubdirectory("supportbot-nlu-locales-").FullName;
        Write(locales, "_meta/languages.json", """{"en":{"name":"English"},"xx":{"name":"Testish"}}""");
        Write(locales, "en/messages.json", """{"a":"Hello, how can I help you today?"}""");
        Write(locales, "en/ui.json", """{"ui.title":"SupportBot"}""");
        Write(locales, "en/intents.json", """{"language":"en","intents":{"greeting":["hello","hi there","good morning"],"account_hacked":["my account was hacked","someone hacked me","a hacker took my account"]}}""");
        Write(locales, "xx/messages.json", """{"a":"Zorbly quax, vimblo zorp zorp?"}""");
        Write(locales, "xx/intents.json", """{"language":"xx","intents":{"greeting":["zorbly","zorbly quax","quax zorp"],"account_hacked":["vimblo hakkix zorp","hakkix vimblo","vimblo hakkix"]}}""");

        var data = Directory.CreateTempSubdirectory("supportbot-cli-").FullName;
        using var classify = CliProcess.StartWith(new Dictionary<string, string> { ["Locales__Path"] = locales }, data, "nlu", "classify");
        await classify.SendLineAsync("vimblo hakkix zorp zorp");
        await classify.SendLineAsync("my account was hacked");
        classify.CloseInput();
        Assert.Equal(0, await classify.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        var lines = JsonLines(classify.Output);
        Assert.Equal("xx", lines[0].GetProperty("language").GetString());
        Assert.Equal("account_hacked", lines[0].GetProperty("intent").GetString());
        Assert.Equal("en", lines[1].GetProperty("language").GetString());
        Assert.Equal("account_hacked", lines[1].GetProperty("intent").GetString());
    }

    [Fact]
    public async Task Classify_ForcedLanguageWithoutExamples_FailsWithAClearMessage()
    {
        var data = Directory.CreateTempSubdirectory("supportbot-cli-").FullName;
        using var classify = CliProcess.Start(data, "nlu", "classify", "--language", "zz");
        classify.CloseInput();

        Assert.Equal(2, await classify.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("zz/intents.json", classify.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", classify.Output, StringComparison.Ordinal);
    }

    private static List<JsonElement> JsonLines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    private static void Write(string root, string relative, string json)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
    }
}
