using System.Net;
using SupportBot.Bot.Tests.BotConnector;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Agents;

/// <summary>
/// With <c>Agents:RequireOnlineAgent</c>, nobody for the language online means the user is told plainly and keeps
/// their verified place; an agent who signs in sees the backlog and can take it.
/// </summary>
public sealed class NoAgentAvailableTests : IAsyncLifetime
{
    private readonly BotApplication _app = new(settings: new() { ["Agents:RequireOnlineAgent"] = "true", ["Agents:HoldVerifiedPlaceFor"] = "02:00:00" });
    private LocalChannelServer _channel = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _channel = await LocalChannelServer.StartAsync();
        _http = _app.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _channel.DisposeAsync();
        _app.Dispose();
    }

    [Fact]
    public async Task NobodyOnline_UserKeepsThePlace_AgentSeesTheBacklogAndTakesIt()
    {
        var user = new ChannelUser(_http, "nobody-maria", _channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();
        Assert.Contains("No agent is available right now", user.LastText, StringComparison.Ordinal);
        Assert.Contains(caseId, user.LastText, StringComparison.Ordinal);

        var agent = new AgentConsoleClient(_app.CreateClient());
        (await agent.SignInAsync("demo.agent", "demo-agent-2026")).Dispose();
        var queue = await agent.GetJsonAsync("/agent/api/queue");
        var item = Assert.Single(queue.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseId").GetString() == caseId);
        Assert.Equal("after_hours", item.GetProperty("status").GetString());
        Assert.Equal(JsonValueKindString, item.GetProperty("placeKeptUntil").ValueKind);

        using var accepted = await agent.PostAsync($"/agent/api/cases/{caseId}/accept");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var view = await agent.GetJsonAsync($"/agent/api/cases/{caseId}");
        Assert.Equal("WithAgent", view.GetProperty("conversationState").GetString());
    }

    [Fact]
    public async Task AgentComesOnline_TheKeptPlaceBecomesAPlaceInLine_AndTheUserIsTold()
    {
        var user = new ChannelUser(_http, "waiting-maria", _channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();
        Assert.Contains("No agent is available right now", user.LastText, StringComparison.Ordinal);

        var agent = new AgentConsoleClient(_app.CreateClient());
        (await agent.SignInAsync("demo.agent", "demo-agent-2026")).Dispose();
        using var events = await agent.Http.GetAsync("/agent/api/events", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!_channel.Replies.Any(r => r.Body.TryGetProperty("text", out var t) && t.GetString()!.Contains("You're in line", StringComparison.Ordinal)))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "The user was not told they are in line.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var queue = await agent.GetJsonAsync("/agent/api/queue");
        var item = Assert.Single(queue.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseId").GetString() == caseId);
        Assert.Equal("queued", item.GetProperty("status").GetString());
    }

    [Fact]
    public async Task PlaceRunsOut_AfterTheConfiguredHold()
    {
        var user = new ChannelUser(_http, "expired-maria", _channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();
        _app.Clock.Advance(TimeSpan.FromHours(3));

        var agent = new AgentConsoleClient(_app.CreateClient());
        (await agent.SignInAsync("demo.agent", "demo-agent-2026")).Dispose();
        Assert.DoesNotContain(caseId, await agent.QueueCaseIdsAsync());
        using var accepted = await agent.PostAsync($"/agent/api/cases/{caseId}/accept");
        Assert.Equal(HttpStatusCode.Forbidden, accepted.StatusCode);
    }

    [Fact]
    public async Task AgentOnline_CaseIsQueued()
    {
        var agent = new AgentConsoleClient(_app.CreateClient());
        (await agent.SignInAsync("demo.agent", "demo-agent-2026")).Dispose();
        using var events = await agent.Http.GetAsync("/agent/api/events", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);

        var user = new ChannelUser(_http, "online-maria", _channel.ServiceUrl);
        await user.VerifyAndEscalateAsync();

        Assert.Contains("in line", user.LastText, StringComparison.Ordinal);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindString = System.Text.Json.JsonValueKind.String;
}
