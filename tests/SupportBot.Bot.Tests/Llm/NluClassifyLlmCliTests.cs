using System.Text.Json;
using SupportBot.Bot.Tests.Cli;
using SupportBot.Bot.Tests.Llm.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.Llm;

/// <summary><c>supportbot nlu classify --llm</c> against a local chat completions server: the proposal beside the recognizer's, secrets never sent.</summary>
public sealed class NluClassifyLlmCliTests
{
    [Fact]
    public async Task ClassifyWithLlm_PrintsTheProposal_AndNeverSendsALineWithASecret()
    {
        await using var server = await LocalChatCompletionsServer.StartAsync(TestContext.Current.CancellationToken);
        var data = Directory.CreateTempSubdirectory("supportbot-cli-").FullName;
        using var classify = CliProcess.StartWith(
            new Dictionary<string, string> { ["Llm__Endpoint"] = server.Endpoint, ["Llm__Model"] = "cli-model", ["Llm__ApiKey"] = "sk-cli-test-key-0123456789" },
            data, "nlu", "classify", "--language", "en", "--llm");
        await classify.SendLineAsync("the app keeps saying my account is locked");
        await classify.SendLineAsync("my password is Hunter2!x9 please fix it");
        classify.CloseInput();
        Assert.Equal(0, await classify.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        var lines = classify.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{')).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("locked_out", lines[0].GetProperty("llm").GetProperty("intent").GetString());
        Assert.Equal(0.83, lines[0].GetProperty("llm").GetProperty("confidence").GetDouble());
        Assert.Equal("not-sent", lines[1].GetProperty("llm").GetProperty("fallback").GetString());
        var request = Assert.Single(server.Received);
        Assert.DoesNotContain("Hunter2", request.Body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-cli-test-key", classify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassifyWithLlm_Unconfigured_SaysWhatToSet()
    {
        var data = Directory.CreateTempSubdirectory("supportbot-cli-").FullName;
        using var classify = CliProcess.Start(data, "nlu", "classify", "--language", "en", "--llm");
        classify.CloseInput();

        Assert.Equal(2, await classify.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Llm:Endpoint", classify.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", classify.Output, StringComparison.Ordinal);
    }
}
