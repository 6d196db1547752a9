using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.BotConnector;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Agents;

/// <summary>
/// A verified user on a Bot Connector channel and the demo agent in the console API: the case reaches the queue,
/// the agent accepts, they talk both ways through the user's own channel, the agent resolves, the user rates.
/// </summary>
public sealed class AgentHandoffTests : IAsyncLifetime
{
    private readonly BotApplication _app = new();
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
    public async Task VerifiedCase_AcceptChatResolveRate_ThroughTheUsersChannel_AndEveryActionAudited()
    {
        var user = new ChannelUser(_http, "handoff-maria", _channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();
        var agent = await SignedInAgentAsync("demo.agent", "demo-agent-2026");

        Assert.Contains(caseId, await agent.QueueCaseIdsAsync());

        // The evidence card comes from the verification service: the method, the masked contact, never the code.
        var view = await agent.GetJsonAsync($"/agent/api/cases/{caseId}");
        var check = Assert.Single(view.GetProperty("verification").GetProperty("checks").EnumerateArray());
        Assert.Equal("email", check.GetProperty("method").GetString());
        Assert.Equal("m•••@example.com", check.GetProperty("contact").GetString());
        Assert.Equal("en", view.GetProperty("language").GetString());
        var code = await DevOutbox.WaitForCodeAsync(_http, "maria@example.com");
        Assert.DoesNotContain(code, view.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("maria@example.com", view.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(view.GetProperty("suggestions").EnumerateArray(), s => s.GetProperty("key").GetString() == "agent.reply.never-share");

        using (var accepted = await agent.PostAsync($"/agent/api/cases/{caseId}/accept"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await WaitForChannelTextAsync("Alex from support has joined the chat.");

        // Exactly once: a second agent cannot take the same case.
        var supervisor = await SignedInAgentAsync("demo.supervisor", "demo-supervisor-2026");
        using (var second = await supervisor.PostAsync($"/agent/api/cases/{caseId}/accept"))
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        }

        // While the agent holds the case the bot says nothing; the message goes to the agent, redacted.
        await user.SayAsync("are you there? I was hacked and need help");
        Assert.Empty(user.LastReplies);
        await user.SayAsync("thanks, my card is 4111 1111 1111 1111 and I need help");

        // The only reply allowed is the safety warning about the pasted card number; nothing answers the message itself.
        Assert.All(user.LastReplies, r => Assert.Contains("hidden something", r.GetProperty("text").GetString()!, StringComparison.Ordinal));
        var lines = (await agent.GetJsonAsync($"/agent/api/cases/{caseId}")).GetProperty("transcript").EnumerateArray().ToList();
        var last = lines.Last(l => l.GetProperty("from").GetString() == "user");
        Assert.Contains("I need help", last.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4111 1111 1111 1111", last.GetProperty("text").GetString(), StringComparison.Ordinal);

        using (var typing = await agent.PostAsync($"/agent/api/cases/{caseId}/typing"))
        {
            Assert.Equal(HttpStatusCode.OK, typing.StatusCode);
        }

        await WaitForChannelAsync(reply => reply.GetProperty("type").GetString() == "typing");
        using (var sent = await agent.PostAsync($"/agent/api/cases/{caseId}/messages", new { text = "Hi Maria, I'm looking at your case now." }))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        var message = await WaitForChannelTextAsync("Hi Maria, I'm looking at your case now.");
        Assert.Equal("Alex", message.GetProperty("from").GetProperty("name").GetString());

        using (var resolved = await agent.PostAsync($"/agent/api/cases/{caseId}/resolve", new { outcome = "restored" }))
        {
            Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        }

        await WaitForChannelTextAsync($"Your case {caseId} is closed: your account access has been restored.");
        var rating = await WaitForChannelTextAsync("How was the help you got today?");
        Assert.Contains(rating.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray(),
            action => action.GetProperty("value").GetProperty("action").GetString() == "agent.rate:good");

        await user.PressAsync("agent.rate:good", "Good");
        Assert.Contains("Thank you for telling us", user.LastText, StringComparison.Ordinal);
        Assert.Equal("good", (await supervisor.GetJsonAsync($"/agent/api/cases/{caseId}")).GetProperty("rating").GetString());

        // After the case the bot answers again.
        await user.SayAsync("hello");
        Assert.NotEmpty(user.LastReplies);

        var audit = _app.Services.GetRequiredService<IAuditLog>();
        var types = (await audit.ReadAsync(0, 1000, TestContext.Current.CancellationToken)).Where(r => r.Event.CaseId == caseId).Select(r => r.Event.Type).ToList();
        Assert.Contains("agent_accepted", types);
        Assert.Contains("agent_message", types);
        Assert.Contains("agent_resolved", types);
        Assert.Contains("case_rated", types);
        Assert.IsType<AuditVerification.Intact>(await audit.VerifyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TranscriptExport_IsBotFrameworkTranscriptJson_Redacted()
    {
        var user = new ChannelUser(_http, "handoff-export", _channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();
        var agent = await SignedInAgentAsync("demo.agent", "demo-agent-2026");

        using var response = await agent.Http.GetAsync($"/agent/api/cases/{caseId}/transcript", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(".transcript", response.Content.Headers.ContentDisposition?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var activities = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(JsonValueKind.Array, activities.ValueKind);
        Assert.All(activities.EnumerateArray(), a =>
        {
            Assert.True(a.TryGetProperty("type", out _));
            Assert.True(a.TryGetProperty("timestamp", out _));
        });
        Assert.Contains(activities.EnumerateArray(), a => a.TryGetProperty("text", out var t) && t.GetString() == "[code hidden]");
        var code = await DevOutbox.WaitForCodeAsync(_http, "maria@example.com");
        Assert.DoesNotContain(code, activities.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnToBot_UserIsToldAndTheBotAnswersAgain()
    {
        var user = new ChannelUser(_http, "handoff-return", _channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();
        var agent = await SignedInAgentAsync("demo.agent", "demo-agent-2026");
        (await agent.PostAsync($"/agent/api/cases/{caseId}/accept")).Dispose();

        using (var returned = await agent.PostAsync($"/agent/api/cases/{caseId}/return"))
        {
            Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        }

        await WaitForChannelTextAsync("The agent has left the chat.");
        await user.SayAsync("I forgot my password");
        Assert.NotEmpty(user.LastReplies);
        Assert.DoesNotContain(caseId, await agent.QueueCaseIdsAsync());
    }

    [Fact]
    public async Task UserStartsOver_WhileHeld_TheCaseEndsForTheAgentToo()
    {
        var user = new ChannelUser(_http, "handoff-leaves", _channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();
        var agent = await SignedInAgentAsync("demo.agent", "demo-agent-2026");
        (await agent.PostAsync($"/agent/api/cases/{caseId}/accept")).Dispose();

        await user.PressAsync("start-over", "Start over");
        Assert.NotEmpty(user.LastReplies);

        Assert.Equal("cancelled", (await agent.GetJsonAsync($"/agent/api/cases/{caseId}")).GetProperty("status").GetString());
        using var late = await agent.PostAsync($"/agent/api/cases/{caseId}/messages", new { text = "still there?" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    private async Task<AgentConsoleClient> SignedInAgentAsync(string username, string password)
    {
        var agent = new AgentConsoleClient(_app.CreateClient());
        using var response = await agent.SignInAsync(username, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return agent;
    }

    private Task<JsonElement> WaitForChannelTextAsync(string text) =>
        WaitForChannelAsync(reply => reply.TryGetProperty("text", out var t) && t.GetString()?.Contains(text, StringComparison.Ordinal) == true);

    private async Task<JsonElement> WaitForChannelAsync(Func<JsonElement, bool> match)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            var found = _channel.Replies.Select(r => r.Body).FirstOrDefault(match);
            if (found.ValueKind != JsonValueKind.Undefined)
            {
                return found;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The channel never received the expected activity. Received: " +
            string.Join(" | ", _channel.Replies.Select(r => r.Body.GetRawText())));
    }
}
