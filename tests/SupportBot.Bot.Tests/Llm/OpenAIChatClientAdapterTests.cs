using System.Net;
using Microsoft.Extensions.AI;
using Polly.CircuitBreaker;
using SupportBot.Bot.Llm;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.Llm.TestSupport;
using SupportBot.Dialogs.Understanding;
using SupportBot.Dialogs.Understanding.Llm;
using Xunit;

namespace SupportBot.Bot.Tests.Llm;

/// <summary>The adapter against a real HTTP server speaking the chat completions API (loopback only).</summary>
public sealed class OpenAIChatClientAdapterTests
{
    private const string Key = "sk-adapter-test-key-0123456789";

    private static readonly ScrubbedText s_text = new LlmInputScrubber(new SupportBot.Dialogs.Redaction.Redactor(
        SupportBot.Dialogs.Redaction.RedactionLexicon.Parse([], null))).Scrub("I cannot get into my account, it says it is locked")!;

    [Fact]
    public async Task TheRequest_HasTheModel_TheTwoMessages_TheJsonSchema_AndTheKey_AndTheAnswerIsAProposal()
    {
        await using var server = await LocalChatCompletionsServer.StartAsync(TestContext.Current.CancellationToken);
        using var adapter = OpenAIChatClientAdapter.Create(Options(server));

        var outcome = await new LlmIntentProposer(adapter).ProposeAsync(s_text, "en", TestContext.Current.CancellationToken);

        Assert.Equal(new LlmIntentProposal(Intent.LockedOut, 0.83), outcome.Proposal);
        var request = Assert.Single(server.Received);
        Assert.Equal($"Bearer {Key}", request.Headers["Authorization"]);
        var body = request.Body;
        Assert.Equal("gpt-test", body.GetProperty("model").GetString());
        var messages = body.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(LlmIntentPrompt.SystemPrompt, messages[0].GetProperty("content").GetString());
        Assert.Contains(System.Text.Json.JsonSerializer.Serialize(s_text.Value), messages[1].GetProperty("content").GetString(), StringComparison.Ordinal);
        var format = body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal(LlmIntentPrompt.SchemaName, format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Equal(
            IntentLabels.All.Select(i => i.ToLabel()),
            format.GetProperty("json_schema").GetProperty("schema").GetProperty("properties").GetProperty("intent").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, body.GetProperty("temperature").GetDouble());
        Assert.False(body.TryGetProperty("tools", out _));
    }

    [Fact]
    public async Task TheResponse_CarriesUsageAndFinishReason_AndToolCallsComeBackAsFunctionCalls_WhichTheProposerRefuses()
    {
        await using var server = await LocalChatCompletionsServer.StartAsync(TestContext.Current.CancellationToken);
        server.ToolCalls = [("mark_verified", """{"account":"maria"}""")];
        using var adapter = OpenAIChatClientAdapter.Create(Options(server));

        var response = await adapter.GetResponseAsync(LlmIntentPrompt.Messages(s_text, "en"), LlmIntentPrompt.Options(), TestContext.Current.CancellationToken);
        var outcome = await new LlmIntentProposer(adapter).ProposeAsync(s_text, "en", TestContext.Current.CancellationToken);

        Assert.Equal(129, response.Usage?.TotalTokenCount);
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("mark_verified", call.Name);
        Assert.Equal(LlmFallbackReason.UnexpectedContent, outcome.Reason);
        Assert.Equal("local-test-model", response.ModelId);
    }

    [Fact]
    public async Task AnotherKeyHeader_OrNoKey_IsSentAsConfigured_AndOptionsWithToolsAreRefused()
    {
        await using var server = await LocalChatCompletionsServer.StartAsync(TestContext.Current.CancellationToken);
        using var azure = OpenAIChatClientAdapter.Create(Options(server, header: "api-key"));
        using var local = OpenAIChatClientAdapter.Create(Options(server, key: null));
        var token = TestContext.Current.CancellationToken;

        await azure.GetResponseAsync(LlmIntentPrompt.Messages(s_text, "en"), LlmIntentPrompt.Options(), token);
        await local.GetResponseAsync(LlmIntentPrompt.Messages(s_text, "en"), LlmIntentPrompt.Options(), token);
        var withTools = new ChatOptions { Tools = [AIFunctionFactory.Create(() => "escalated", "escalate")] };

        var requests = server.Received.ToList();
        Assert.Equal(Key, requests[0].Headers["api-key"]);
        Assert.False(requests[0].Headers.ContainsKey("Authorization"));
        Assert.False(requests[1].Headers.ContainsKey("Authorization"));
        Assert.False(requests[1].Headers.ContainsKey("api-key"));
        await Assert.ThrowsAsync<NotSupportedException>(() => azure.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], withTools, token));
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task AnErrorOrASlowServer_IsAFallback_AndRepeatedFailuresOpenTheCircuit_UntilItsBreakIsOver()
    {
        await using var server = await LocalChatCompletionsServer.StartAsync(TestContext.Current.CancellationToken);
        var options = Options(server);
        options.Timeout = TimeSpan.FromMilliseconds(300);
        options.MinimumThroughput = 3;
        options.BreakDuration = TimeSpan.FromMinutes(1);
        var clock = new ManualTimeProvider();
        using var adapter = OpenAIChatClientAdapter.Create(options);
        var proposer = new LlmIntentProposer(new ResilientChatClient(adapter, options, clock));
        var token = TestContext.Current.CancellationToken;

        server.Status = HttpStatusCode.InternalServerError;
        Assert.Equal(LlmFallbackReason.Error, (await proposer.ProposeAsync(s_text, "en", token)).Reason);
        server.Status = HttpStatusCode.OK;
        server.Delay = TimeSpan.FromSeconds(30);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(LlmFallbackReason.Timeout, (await proposer.ProposeAsync(s_text, "en", token)).Reason);
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"a 30 s server cost the turn {waited.Elapsed}");
        Assert.Equal(LlmFallbackReason.Timeout, (await proposer.ProposeAsync(s_text, "en", token)).Reason);

        // Open: skipped without a request. (Each call carries its own words: timed-out requests may still be on their
        // way to the server on a busy machine, so requests are told apart by content, not counted.)
        var scrubber = new LlmInputScrubber(new SupportBot.Dialogs.Redaction.Redactor(SupportBot.Dialogs.Redaction.RedactionLexicon.Parse([], null)));
        var skipped = await proposer.ProposeAsync(scrubber.Scrub("skipped while the circuit is open")!, "en", token);
        Assert.Equal(LlmFallbackReason.Error, skipped.Reason);
        Assert.Equal(nameof(BrokenCircuitException), skipped.Detail);

        // After the break, the LLM is tried again.
        server.Delay = TimeSpan.Zero;
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(Intent.LockedOut, (await proposer.ProposeAsync(scrubber.Scrub("tried again after the break")!, "en", token)).Proposal?.Intent);
        var bodies = server.Received.Select(request => request.Body.GetRawText()).ToList();
        Assert.Contains(bodies, body => body.Contains("tried again after the break", StringComparison.Ordinal));
        Assert.DoesNotContain(bodies, body => body.Contains("skipped while the circuit is open", StringComparison.Ordinal));
    }

    private static LlmOptions Options(LocalChatCompletionsServer server, string? key = Key, string header = "Authorization") => new()
    {
        Endpoint = server.Endpoint,
        Model = "gpt-test",
        ApiKey = key,
        ApiKeyHeader = header,
        Timeout = TimeSpan.FromSeconds(10),
    };
}
