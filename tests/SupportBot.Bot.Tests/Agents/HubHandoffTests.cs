using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Bot.Tests.BotConnector;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Agents;

/// <summary>
/// With an external hub configured, a verified case goes out as <c>handoff.initiate</c> with the transcript
/// attached, and the hub's <c>handoff.status</c> events move it: accepted, completed, failed (docs/protocol.md §4).
/// </summary>
public sealed class HubHandoffTests : IAsyncLifetime
{
    private const string Secret = "hub-shared-secret-for-tests";
    private LocalChannelServer _channel = null!;
    private StubHub _hub = null!;
    private BotApplication _app = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _channel = await LocalChannelServer.StartAsync();
        _hub = await StubHub.StartAsync();
        _app = new BotApplication(settings: new() { ["Agents:Hub:Url"] = _hub.Url, ["Agents:Hub:Secret"] = Secret });
        _http = _app.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _app.Dispose();
        await _hub.DisposeAsync();
        await _channel.DisposeAsync();
    }

    [Fact]
    public async Task VerifiedCase_GoesToTheHub_AcceptedThenCompleted()
    {
        var user = new ChannelUser(_http, "hub-maria", _channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();

        var (authorization, initiate) = Assert.Single(_hub.Received);
        Assert.Equal("Bearer " + Secret, authorization);
        Assert.Equal("event", initiate.GetProperty("type").GetString());
        Assert.Equal("handoff.initiate", initiate.GetProperty("name").GetString());
        Assert.Equal("hub-maria", initiate.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal(caseId, initiate.GetProperty("value").GetProperty("caseId").GetString());
        var attachment = Assert.Single(initiate.GetProperty("attachments").EnumerateArray());
        Assert.Equal("Transcript", attachment.GetProperty("name").GetString());
        var activities = attachment.GetProperty("content").GetProperty("activities");
        Assert.True(activities.GetArrayLength() > 3);
        var code = await DevOutbox.WaitForCodeAsync(_http, "maria@example.com");
        Assert.DoesNotContain(code, initiate.GetRawText(), StringComparison.Ordinal);

        // The hub has it: the built-in console does not offer it.
        var agent = new AgentConsoleClient(_app.CreateClient());
        (await agent.SignInAsync("demo.agent", "demo-agent-2026")).Dispose();
        Assert.DoesNotContain(caseId, await agent.QueueCaseIdsAsync());

        using (var forged = await StatusAsync("hub-maria", "accepted", secret: "wrong"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        using (var accepted = await StatusAsync("hub-maria", "accepted"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await WaitForChannelTextAsync("A specialist from support has joined the chat.");
        await user.SayAsync("hello, is someone there?");
        Assert.Empty(user.LastReplies); // The hub's agent answers; the bot stays silent.

        using (var again = await StatusAsync("hub-maria", "accepted"))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // Exactly once.
        }

        using (var completed = await StatusAsync("hub-maria", "completed", message: "restored"))
        {
            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        }

        await WaitForChannelTextAsync($"Your case {caseId} is closed: your account access has been restored.");
    }

    [Fact]
    public async Task HubFails_TheCaseComesToTheBuiltInConsole()
    {
        var user = new ChannelUser(_http, "hub-failed", _channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();
        using (var failed = await StatusAsync("hub-failed", "failed"))
        {
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var agent = new AgentConsoleClient(_app.CreateClient());
        (await agent.SignInAsync("demo.agent", "demo-agent-2026")).Dispose();
        Assert.Contains(caseId, await agent.QueueCaseIdsAsync());
        using var accepted = await agent.PostAsync($"/agent/api/cases/{caseId}/accept");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Status_ForAnUnknownConversationOrBadBody_IsAClearError()
    {
        using (var unknown = await StatusAsync("no-such-conversation", "accepted"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/hub/activities") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var bad = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private async Task<HttpResponseMessage> StatusAsync(string conversationId, string state, string? message = null, string secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/hub/activities")
        {
            Content = JsonContent.Create(new
            {
                type = "event",
                name = "handoff.status",
                conversation = new { id = conversationId },
                value = new { state, message },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task WaitForChannelTextAsync(string text)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (_channel.Replies.Any(r => r.Body.TryGetProperty("text", out var t) && t.GetString()?.Contains(text, StringComparison.Ordinal) == true))
            {
                return;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"The channel never received '{text}'. Received: " + string.Join(" | ", _channel.Replies.Select(r => r.Body.GetRawText())));
    }
}
