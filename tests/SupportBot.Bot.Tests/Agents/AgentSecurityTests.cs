using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Agents;
using SupportBot.Bot.Tests.BotConnector;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Agents;

/// <summary>The console's API refuses what it must: no sign-in, no antiforgery token, wrong languages, guessed passwords.</summary>
public sealed class AgentSecurityTests : IAsyncLifetime
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

    [Theory]
    [InlineData("GET", "/agent/api/me")]
    [InlineData("GET", "/agent/api/queue")]
    [InlineData("GET", "/agent/api/agents")]
    [InlineData("GET", "/agent/api/events")]
    [InlineData("GET", "/agent/api/cases/SB-AAAA-BBBB")]
    [InlineData("GET", "/agent/api/cases/SB-AAAA-BBBB/transcript")]
    [InlineData("POST", "/agent/api/cases/SB-AAAA-BBBB/accept")]
    [InlineData("POST", "/agent/api/cases/SB-AAAA-BBBB/resolve")]
    [InlineData("DELETE", "/agent/api/session")]
    public async Task Api_WithoutSignIn_Is401(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StateChanges_WithoutTheAntiforgeryToken_AreRefused()
    {
        var agent = new AgentConsoleClient(_app.CreateClient());
        using (var signIn = await agent.PostAsync("/agent/api/session", new { username = "demo.agent", password = "demo-agent-2026" }, withCsrf: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        }

        using (var signedIn = await agent.SignInAsync("demo.agent", "demo-agent-2026"))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }

        var user = new ChannelUser(_http, "csrf-maria", _channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();
        using (var forged = await agent.PostAsync($"/agent/api/cases/{caseId}/accept", withCsrf: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        // Nothing happened: the case is still waiting for anyone.
        var queue = await agent.GetJsonAsync("/agent/api/queue");
        var item = Assert.Single(queue.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseId").GetString() == caseId);
        Assert.Equal("queued", item.GetProperty("status").GetString());
    }

    [Fact]
    public async Task RepeatedWrongPasswords_LockTheAccount_EvenAgainstTheRightPassword()
    {
        var agent = new AgentConsoleClient(_app.CreateClient());
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await agent.SignInAsync("demo.agent", "not-the-password-" + attempt);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var fifth = await agent.SignInAsync("demo.agent", "still-not-the-password"))
        {
            Assert.Equal((HttpStatusCode)423, fifth.StatusCode);
        }

        using (var right = await agent.SignInAsync("demo.agent", "demo-agent-2026"))
        {
            Assert.Equal((HttpStatusCode)423, right.StatusCode);
        }

        // The lock ends by itself.
        _app.Clock.Advance(TimeSpan.FromMinutes(16));
        using var later = await agent.SignInAsync("demo.agent", "demo-agent-2026");
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Agent_OutsideTheCasesLanguage_NeitherSeesNorOpensNorTakesIt()
    {
        var accounts = _app.Services.GetRequiredService<AgentAccounts>();
        Assert.Null(await accounts.CreateAsync("amina", "Amina", "arabic-only-password", AgentRoles.Agent, ["ar"], ["EG"], "ar", TestContext.Current.CancellationToken));
        var user = new ChannelUser(_http, "outside-maria", _channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();

        var amina = new AgentConsoleClient(_app.CreateClient());
        (await amina.SignInAsync("amina", "arabic-only-password")).Dispose();

        Assert.DoesNotContain(caseId, await amina.QueueCaseIdsAsync());
        using (var view = await amina.Http.GetAsync($"/agent/api/cases/{caseId}", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, view.StatusCode);
        }

        using (var export = await amina.Http.GetAsync($"/agent/api/cases/{caseId}/transcript", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        }

        using (var take = await amina.PostAsync($"/agent/api/cases/{caseId}/accept"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, take.StatusCode);
        }

        // Transferred to the Arabic/Egypt queue, it becomes hers.
        var alex = new AgentConsoleClient(_app.CreateClient());
        (await alex.SignInAsync("demo.agent", "demo-agent-2026")).Dispose();
        (await alex.PostAsync($"/agent/api/cases/{caseId}/accept")).Dispose();
        using (var transfer = await alex.PostAsync($"/agent/api/cases/{caseId}/transfer", new { language = "ar", country = "EG" }))
        {
            Assert.Equal(HttpStatusCode.OK, transfer.StatusCode);
        }

        Assert.Contains(caseId, await amina.QueueCaseIdsAsync());
        Assert.DoesNotContain(caseId, await alex.QueueCaseIdsAsync());
    }

    [Fact]
    public async Task HoldingAgent_OnlyTheHolderChats_AndNoActionTouchesContactsOrChecks()
    {
        var user = new ChannelUser(_http, "holder-maria", _channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();
        var alex = new AgentConsoleClient(_app.CreateClient());
        (await alex.SignInAsync("demo.agent", "demo-agent-2026")).Dispose();
        var sam = new AgentConsoleClient(_app.CreateClient());
        (await sam.SignInAsync("demo.supervisor", "demo-supervisor-2026")).Dispose();

        using (var early = await alex.PostAsync($"/agent/api/cases/{caseId}/messages", new { text = "hi" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode); // Not accepted yet.
        }

        (await alex.PostAsync($"/agent/api/cases/{caseId}/accept")).Dispose();
        using (var other = await sam.PostAsync($"/agent/api/cases/{caseId}/resolve", new { outcome = "restored" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        }

        using (var badOutcome = await alex.PostAsync($"/agent/api/cases/{caseId}/resolve", new { outcome = "grant_access" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badOutcome.StatusCode);
        }

        foreach (var path in new[] { "contacts", "verify", "skip-verification" })
        {
            using var missing = await alex.PostAsync($"/agent/api/cases/{caseId}/{path}", new { email = "new@x.com" });
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }
}
