using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SupportBot.Bot.Tests.Agents;
using SupportBot.Bot.Tests.BotConnector;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Privacy;

/// <summary>
/// security.md B11: sam's email changed 2 days ago, so his case opens on a security hold: the console shows it and
/// its end, "restored" is refused on the server until the hold ends (the user is told when), then goes through and
/// the platform revokes the account's sessions. Maria's account has no recent change and restores at once.
/// </summary>
public sealed class SecurityHoldTests : IAsyncLifetime
{
    private readonly BotApplication _app = new();
    private LocalChannelServer _channel = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
    public async Task SuspectedHijack_RestoreIsRefusedUntilTheHoldEnds_UserToldWhen_ThenSessionsRevoked()
    {
        var user = new ChannelUser(_http, "hold-sam", _channel.ServiceUrl);
        await user.SendActivityAsync(new { type = "conversationUpdate", membersAdded = new[] { new { id = "user-hold-sam" } } });
        await user.PressAsync("human");
        await user.SayAsync("sam@example.com");
        await user.PressAsync("method:email");
        await user.SubmitCodeAsync(await DevOutbox.WaitForCodeAsync(_http, "sam.old@example.com"));
        var caseId = ChannelUser.CaseNumber().Match(user.LastText).Value;
        Assert.NotEmpty(caseId);

        var agent = await AcceptAsync(caseId);
        var view = await agent.GetJsonAsync($"/agent/api/cases/{caseId}");
        var hold = view.GetProperty("securityHold");
        var until = hold.GetProperty("until").GetDateTimeOffset();
        // Changed 2 days ago, held 7 days from the change: 5 days from now.
        Assert.Equal(_app.Clock.GetUtcNow().AddDays(5), until, TimeSpan.FromMinutes(1));
        Assert.Contains("Security hold until", hold.GetProperty("text").GetString(), StringComparison.Ordinal);

        using (var refused = await agent.PostAsync($"/agent/api/cases/{caseId}/resolve", new { outcome = "restored" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("security_hold", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString());
        }

        var told = await WaitForChannelTextAsync("security hold");
        Assert.Contains(caseId, told, StringComparison.Ordinal);
        Assert.Contains(until.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), told, StringComparison.Ordinal);
        Assert.Equal("with_agent", (await AgentCaseAsync(agent, caseId)).GetProperty("status").GetString());

        _app.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(5));
        agent = await SignInAsync(); // the console's sign-in expired meanwhile; the case stays with this agent
        Assert.Equal(JsonValueKind.Null, (await AgentCaseAsync(agent, caseId)).GetProperty("securityHold").ValueKind);
        using (var restored = await agent.PostAsync($"/agent/api/cases/{caseId}/resolve", new { outcome = "restored" }))
        {
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }

        Assert.Contains("""{"revoked":true}""", await QueryAsync("SELECT data_json FROM audit_log WHERE type = 'sessions_revoked';"));
        Assert.Equal(["acc-sam"], await QueryAsync("SELECT account_id FROM demo_session_revocations;"));
        Assert.Contains("restore_refused_on_hold", await QueryAsync("SELECT type FROM audit_log;"));
    }

    [Fact]
    public async Task NoRecentChange_NoHold_RestoreGoesThrough()
    {
        var user = new ChannelUser(_http, "hold-maria", _channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();
        var agent = await AcceptAsync(caseId);
        Assert.Equal(JsonValueKind.Null, (await AgentCaseAsync(agent, caseId)).GetProperty("securityHold").ValueKind);

        using var restored = await agent.PostAsync($"/agent/api/cases/{caseId}/resolve", new { outcome = "restored" });
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Empty(await QueryAsync("SELECT 1 FROM security_holds;"));
    }

    private async Task<AgentConsoleClient> SignInAsync()
    {
        var agent = new AgentConsoleClient(_app.CreateClient());
        using var signedIn = await agent.SignInAsync("demo.agent", "demo-agent-2026");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        return agent;
    }

    private async Task<AgentConsoleClient> AcceptAsync(string caseId)
    {
        var agent = await SignInAsync();
        using var accepted = await agent.PostAsync($"/agent/api/cases/{caseId}/accept");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return agent;
    }

    private static Task<JsonElement> AgentCaseAsync(AgentConsoleClient agent, string caseId) => agent.GetJsonAsync($"/agent/api/cases/{caseId}");

    private async Task<string> WaitForChannelTextAsync(string text)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            var found = _channel.Replies.Select(r => r.Body)
                .Select(body => body.TryGetProperty("text", out var t) ? t.GetString() : null)
                .FirstOrDefault(t => t?.Contains(text, StringComparison.Ordinal) == true);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException("The channel never received: " + text);
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_app.DataDirectory, "supportbot.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
