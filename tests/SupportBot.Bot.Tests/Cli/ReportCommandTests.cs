using System.Text.Json;
using Xunit;

namespace SupportBot.Bot.Tests.Cli;

/// <summary><c>supportbot report</c> as an operator runs it: figures from what happened in the terminal chat, clear errors for bad arguments.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public async Task Report_CountsTheTerminalConversation_AndWritesJsonToTheOutputFile()
    {
        var data = Directory.CreateTempSubdirectory("supportbot-cli-report-").FullName;
        using (var chat = CliProcess.Start(data, "chat"))
        {
            await chat.WaitForAsync("What's going on?");
            await chat.SendLineAsync("someone hacked my account");
            await chat.WaitForAsync("Secure your email first");
            chat.CloseInput();
            Assert.Equal(0, await chat.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        var file = Path.Combine(data, "report.json");
        using var report = CliProcess.Start(data, "report", "--by", "month", "--format", "json", "--output", file);
        Assert.Equal(0, await report.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Wrote", report.Output, StringComparison.Ordinal);
        var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("supportbot.report.v1", json.GetProperty("schema").GetString());
        var totals = json.GetProperty("range").GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("conversations").GetInt64());
        Assert.Equal(1, totals.GetProperty("takeovers").GetProperty("reports").GetInt64());
        Assert.Equal(0, totals.GetProperty("takeovers").GetProperty("confirmed").GetInt64());

        // Standard output, CSV, filtered to a country nobody wrote from: the header and an empty totals row per month.
        using var csv = CliProcess.Start(data, "report", "--by", "month", "--country", "NG");
        Assert.Equal(0, await csv.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("period,period_start,period_end,country,language,conversations,", csv.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(",US,", csv.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "report", "--by", "year" }, "--by must be week or month")]
    [InlineData(new[] { "report", "--format", "xml" }, "--format must be csv or json")]
    [InlineData(new[] { "report", "--from", "01/11/2026" }, "--from must be a date as yyyy-MM-dd")]
    [InlineData(new[] { "report", "--from", "2026-11-30", "--to", "2026-11-01" }, "--to must be after --from.")]
    [InlineData(new[] { "report", "--language", "English" }, "--language must be a language code")]
    public async Task BadArguments_ExitWith2_AndSayWhy(string[] arguments, string expected)
    {
        var data = Directory.CreateTempSubdirectory("supportbot-cli-report-").FullName;
        using var report = CliProcess.Start(data, arguments);
        Assert.Equal(2, await report.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(expected, report.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", report.Output, StringComparison.Ordinal);
    }
}
