using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Tests.Security.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.Security.Redaction;

/// <summary>
/// The seeded-secret corpus (tests/security/secrets-corpus.jsonl: passwords, cards, CVVs, codes, ID numbers and
/// tokens in every launch language) typed into Web Chat's channel, Direct Line, on the real host; then the database
/// files (WAL included), every log line and every transcript are searched. Zero leaks, and the user was warned.
/// </summary>
public sealed class SecretsCorpusTests
{
    [Fact]
    public async Task EverySeededSecret_InEveryLaunchLanguage_LeavesNoTraceInStorageLogsOrTranscript()
    {
        var corpus = ReadCorpus();
        await using var host = new SecurityHost();
        using var http = host.CreateClient();
        var languages = host.Services.GetRequiredService<SupportedLanguages>();
        var text = host.Services.GetRequiredService<ITextRenderer>();
        var transcripts = new List<string>();
        var missingWarnings = new List<string>();

        foreach (var group in corpus.GroupBy(entry => entry.Language))
        {
            var user = await DirectLineUser.StartAsync(http, group.Key);
            var replyLanguage = languages.Resolve(group.Key) ?? languages.Default;
            foreach (var entry in group)
            {
                await user.SayAsync(entry.Text);
                var expectedWarning = entry.Kind switch
                {
                    "password" => "security.redaction.password",
                    "code" => null,
                    _ => "redaction.warning",
                };
                if (expectedWarning is not null && !user.LastText.Contains(text.Render(replyLanguage, expectedWarning), StringComparison.Ordinal))
                {
                    missingWarnings.Add($"{entry.Language} {entry.Kind}: {expectedWarning}");
                }
            }

            transcripts.Add(string.Join('\n', (await user.TranscriptAsync()).Select(activity => activity.GetRawText())));
        }

        var secrets = corpus.Select(entry => entry.Secret).ToList();
        Assert.Empty(LeakScanner.Find(string.Join('\n', transcripts), secrets));
        Assert.Empty(LeakScanner.Find(host.Logs.All, secrets));
        Assert.Empty(LeakScanner.FindInFiles(host.DataDirectory, secrets));
        Assert.Empty(missingWarnings);

        // The scan can see: the transcript holds what was typed around the secrets, so a secret left in it would show.
        Assert.Contains("[password hidden]", transcripts[0], StringComparison.Ordinal);
    }

    private static List<(string Language, string Kind, string Text, string Secret)> ReadCorpus()
    {
        var path = Path.Combine(RepositoryFolder(), "tests", "security", "secrets-corpus.jsonl");
        return [.. File.ReadLines(path).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return (root.GetProperty("lang").GetString()!, root.GetProperty("kind").GetString()!, root.GetProperty("text").GetString()!, root.GetProperty("secret").GetString()!);
        })];
    }

    private static string RepositoryFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SupportBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SupportBot.sln not found above " + AppContext.BaseDirectory);
    }
}
