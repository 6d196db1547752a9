using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Cli;

public sealed partial class CliTests
{
    [Fact]
    public async Task Chat_InATerminal_WalksThePathToTheQueue()
    {
        var data = Directory.CreateTempSubdirectory("supportbot-cli-").FullName;
        using var chat = CliProcess.Start(data, "chat");
        await chat.WaitForAsync("What's going on?");

        await chat.SendLineAsync("someone hacked my account");
        var output = await chat.WaitForAsync("Secure your email first");

        // Buttons are numbered; "Talk to a person" is one of them.
        var human = Regex.Match(output[output.LastIndexOf("Did that help?", StringComparison.Ordinal)..], @"\[(\d)\] Talk to a person");
        Assert.True(human.Success, output);
        var mark = chat.Output.Length;
        await chat.SendLineAsync(human.Groups[1].Value);
        await chat.WaitForAsync("prove the account is yours", mark);

        mark = chat.Output.Length;
        await chat.SendLineAsync("sam@example.com");
        await chat.WaitForAsync("Where should we send it?", mark);

        mark = chat.Output.Length;
        await chat.SendLineAsync("email");
        output = await chat.WaitForAsync("[demo email to sam.old@example.com]", mark);
        var code = Code().Match(output[output.LastIndexOf("[demo email to", StringComparison.Ordinal)..]).Value;
        Assert.DoesNotContain("[demo email to sam@example.com]", output, StringComparison.Ordinal);

        // The reply carries the code box: the terminal asks for the code on a hidden prompt and sends it as the box's value.
        await chat.WaitForAsync("The code we sent you (hidden as you type", mark);

        mark = chat.Output.Length;
        await chat.SendLineAsync(code);
        output = await chat.WaitForAsync("case number", mark);
        Assert.Matches(CaseNumber(), output[mark..]);

        chat.CloseInput();
        Assert.Equal(0, await chat.WaitForExitAsync(TimeSpan.FromSeconds(30)));

        // The operator sees the case, with evidence from the verification service.
        using var list = CliProcess.Start(data, "cases", "list", "--json");
        Assert.Equal(0, await list.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var json = list.Output[list.Output.IndexOf('[', StringComparison.Ordinal)..];
        var cases = JsonDocument.Parse(json).RootElement;
        var record = Assert.Single(cases.EnumerateArray());
        Assert.Equal("queued", record.GetProperty("status").GetString());
        Assert.Equal("en", record.GetProperty("language").GetString());
        Assert.Equal("account_hacked", record.GetProperty("intent").GetString());
        var check = Assert.Single(record.GetProperty("evidence").GetProperty("checks").EnumerateArray());
        Assert.Equal("email", check.GetProperty("method").GetString());
        Assert.Equal("c-sam-old-email", check.GetProperty("contact").GetString());
        Assert.Contains("contact_changed_recently", record.GetProperty("evidence").GetProperty("riskSignals").EnumerateArray().Select(signal => signal.GetString()));
        Assert.DoesNotContain(code, list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasesList_OnAnEmptyDatabase_SaysSo()
    {
        var data = Directory.CreateTempSubdirectory("supportbot-cli-").FullName;
        using var list = CliProcess.Start(data, "cases", "list");

        Assert.Equal(0, await list.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("No cases.", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommandOption_FailsWithAClearMessage()
    {
        var data = Directory.CreateTempSubdirectory("supportbot-cli-").FullName;
        using var list = CliProcess.Start(data, "cases", "list", "--colour");

        Assert.NotEqual(0, await list.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("--colour", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", list.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\d{8}")]
    private static partial Regex Code();

    [GeneratedRegex(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex CaseNumber();
}
