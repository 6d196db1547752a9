using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Reports;
using SupportBot.Bot.Retention;
using SupportBot.Bot.Tests.Agents;
using SupportBot.Bot.Tests.BotConnector;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Reports;

/// <summary>
/// Real conversations through the host on a hand-moved clock: users in three countries, agents accepting after known
/// waits and resolving with a cause, an owner saying "this wasn't me", a refusal later overturned. The report's
/// figures (JSON and CSV, through the supervisor's downloads) must be exactly what those events imply.
/// </summary>
public sealed partial class TakeoverReportTests : IAsyncLifetime
{
    private const string Range = "by=week&from=2026-11-16&to=2026-11-30";

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
    public async Task Figures_ComeFromTheEvents_PerWeekMonthCountryAndLanguage()
    {
        var mariaRestoreSeconds = await RunScenarioAsync();
        var supervisor = await SignedInAsync("demo.supervisor", "demo-supervisor-2026");

        var report = await supervisor.GetJsonAsync("/agent/report.json?" + Range);
        Assert.Equal(TakeoverReport.SchemaId, report.GetProperty("schema").GetString());
        var weeks = report.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(["2026-W47", "2026-W48"], weeks.Select(w => w.GetProperty("period").GetString()));

        // Week 47: maria (US, en), sam's first case (GB, en), a French self-help conversation (FR, fr).
        var first = weeks[0];
        Assert.Equal(["FR/fr", "GB/en", "US/en"], Segments(first));
        var us = Segment(first, "US", "en");
        Assert.Equal(1, us.GetProperty("conversations").GetInt64());
        Assert.Equal(1, us.GetProperty("problems").GetProperty("account_hacked").GetInt64());
        Assert.Equal(1, us.GetProperty("verification").GetProperty("started").GetInt64());
        Assert.Equal(1, us.GetProperty("verification").GetProperty("passed").GetInt64());
        Assert.Equal(1, us.GetProperty("escalations").GetInt64());
        Assert.Equal(1.0, us.GetProperty("escalationRate").GetDouble());
        Assert.Equal(1, us.GetProperty("outcomes").GetProperty("restored").GetInt64());
        Assert.Equal(1, us.GetProperty("repudiated").GetInt64());
        Assert.Equal(1, us.GetProperty("wrongfulRecoveries").GetInt64());
        Assert.Equal(1, us.GetProperty("takeovers").GetProperty("confirmed").GetInt64());
        Assert.Equal(1, us.GetProperty("takeovers").GetProperty("confirmedCauses").GetProperty("phishing").GetInt64());
        Assert.Equal((long)mariaRestoreSeconds, us.GetProperty("takeovers").GetProperty("timeToRestore").GetProperty("p50Seconds").GetInt64());

        var fr = Segment(first, "FR", "fr");
        Assert.Equal(1, fr.GetProperty("conversations").GetInt64());
        Assert.Equal(1, fr.GetProperty("selfHelpResolved").GetInt64());
        Assert.Equal(1.0, fr.GetProperty("selfHelpRate").GetDouble());
        Assert.Equal(0, fr.GetProperty("escalations").GetInt64());

        var gb = Segment(first, "GB", "en");
        Assert.Equal(1, gb.GetProperty("outcomes").GetProperty("not_owner").GetInt64());
        Assert.Equal(0, gb.GetProperty("takeovers").GetProperty("confirmed").GetInt64());

        // Time to an agent in week 47: 10 min (maria) and 4 min (sam): nearest-rank p50 240 s, p90 600 s.
        var totals = first.GetProperty("totals");
        Assert.Equal(3, totals.GetProperty("conversations").GetInt64());
        Assert.Equal(2, totals.GetProperty("escalations").GetInt64());
        Assert.Equal(240, totals.GetProperty("timeToAgent").GetProperty("p50Seconds").GetInt64());
        Assert.Equal(600, totals.GetProperty("timeToAgent").GetProperty("p90Seconds").GetInt64());
        Assert.Equal(2, totals.GetProperty("takeovers").GetProperty("reports").GetInt64());

        // Week 48: sam again, restored (SIM swap) after being refused: one wrongful denial; the backlog is empty.
        var second = weeks[1];
        var gb2 = Segment(second, "GB", "en");
        Assert.Equal(1, gb2.GetProperty("wrongfulDenials").GetInt64());
        Assert.Equal(1, gb2.GetProperty("takeovers").GetProperty("confirmedCauses").GetProperty("sim_swap").GetInt64());
        Assert.Equal(1200, gb2.GetProperty("timeToAgent").GetProperty("p50Seconds").GetInt64());
        Assert.Equal(0, second.GetProperty("totals").GetProperty("backlog").GetInt64());

        // Staffing: in week 47 only the agent worked, from sign-in (10:00) to the last resolve (10:19): 0.32 h.
        Assert.Equal(1, first.GetProperty("staffing").GetProperty("activeAgents").GetInt64());
        Assert.Equal(0.32, first.GetProperty("staffing").GetProperty("agentHours").GetDouble());

        // The whole range: three verified claimants, none with MFA, all with two recovery addresses on file; passkeys not reported.
        var range = report.GetProperty("range").GetProperty("totals");
        var safeguards = range.GetProperty("safeguards");
        Assert.Equal(3, safeguards.GetProperty("verifiedClaimants").GetInt64());
        Assert.Equal(0.0, safeguards.GetProperty("mfaShare").GetDouble());
        Assert.Equal(1.0, safeguards.GetProperty("twoPlusRecoveryShare").GetDouble());
        Assert.Equal(JsonValueKind.Null, safeguards.GetProperty("passkeyShare").ValueKind);
        Assert.Equal("not available from the directory", report.GetProperty("notAvailable").GetProperty("safeguards.passkeys").GetString());
        Assert.Equal(600, range.GetProperty("timeToAgent").GetProperty("p50Seconds").GetInt64());
        Assert.Equal(1200, range.GetProperty("timeToAgent").GetProperty("p90Seconds").GetInt64());

        // Per month: November holds both confirmed takeovers and both takeover reports from users.
        var month = Assert.Single((await supervisor.GetJsonAsync("/agent/report.json?by=month&from=2026-11-01&to=2026-12-01")).GetProperty("periods").EnumerateArray());
        Assert.Equal("2026-11", month.GetProperty("period").GetString());
        Assert.Equal(2, month.GetProperty("totals").GetProperty("takeovers").GetProperty("confirmed").GetInt64());
        Assert.Equal(3, month.GetProperty("totals").GetProperty("takeovers").GetProperty("reports").GetInt64());

        // Filters: one country.
        var gbOnly = await supervisor.GetJsonAsync("/agent/report.json?" + Range + "&country=GB");
        Assert.All(gbOnly.GetProperty("periods").EnumerateArray(), p => Assert.All(Segments(p), s => Assert.StartsWith("GB/", s, StringComparison.Ordinal)));
        Assert.Equal(2, gbOnly.GetProperty("range").GetProperty("totals").GetProperty("escalations").GetInt64());
    }

    [Fact]
    public async Task Csv_HasTheDocumentedColumns_ARowPerSegmentAndATotalsRowPerPeriod()
    {
        await RunScenarioAsync();
        var supervisor = await SignedInAsync("demo.supervisor", "demo-supervisor-2026");
        using var response = await supervisor.Http.GetAsync("/agent/report.csv?" + Range, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(ReportWriters.CsvColumns, header);
        Assert.All(lines, line => Assert.Equal(header.Length, line.Split(',').Length));

        // Week 47: FR, GB, US and ALL; week 48: GB and ALL.
        Assert.Equal(
            ["2026-W47,FR,fr", "2026-W47,GB,en", "2026-W47,US,en", "2026-W47,ALL,ALL", "2026-W48,GB,en", "2026-W48,ALL,ALL"],
            lines.Skip(1).Select(l => l.Split(',')).Select(c => $"{c[0]},{c[3]},{c[4]}"));
        var us = lines.Single(l => l.StartsWith("2026-W47,2026-11-16,2026-11-23,US,en,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("1", us[Array.IndexOf(header, "wrongful_recoveries")]);
        Assert.Equal("1", us[Array.IndexOf(header, "confirmed_cause.phishing")]);
        Assert.Equal("600", us[Array.IndexOf(header, "time_to_agent_p50_s")]);
        Assert.Equal("not available from the directory", us[Array.IndexOf(header, "passkey_share")]);
        var total47 = lines.Single(l => l.StartsWith("2026-W47,2026-11-16,2026-11-23,ALL,ALL,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("3", total47[Array.IndexOf(header, "conversations")]);
        Assert.NotEqual(string.Empty, total47[Array.IndexOf(header, "active_agents")]);
    }

    [Fact]
    public async Task RetentionPreparer_SealsThePeriods_SoPruningRawRowsLeavesTheFiguresIntact()
    {
        await RunScenarioAsync();
        var supervisor = await SignedInAsync("demo.supervisor", "demo-supervisor-2026");
        var before = (await supervisor.GetJsonAsync("/agent/report.json?" + Range)).GetProperty("periods").GetRawText();

        // What feat/privacy's pruner does: prepare, then delete raw rows older than the cutoff.
        _app.Clock.Advance(TimeSpan.FromDays(100));
        var cutoff = _app.Clock.GetUtcNow() - TimeSpan.FromDays(90);
        foreach (var preparer in _app.Services.GetServices<IRetentionPreparer>())
        {
            await preparer.PrepareAsync(cutoff, TestContext.Current.CancellationToken);
        }

        await PruneRawRowsAsync(cutoff);
        supervisor = await SignedInAsync("demo.supervisor", "demo-supervisor-2026"); // 100 days on: a fresh sign-in.
        var after = (await supervisor.GetJsonAsync("/agent/report.json?" + Range)).GetProperty("periods").GetRawText();
        Assert.Equal(before, after);

        // And materialising again (the worker, the CLI) changes nothing: sealed periods are never recomputed.
        await _app.Services.GetRequiredService<ReportMaterializer>().MaterializeAsync(null, TestContext.Current.CancellationToken);
        Assert.Equal(before, (await supervisor.GetJsonAsync("/agent/report.json?" + Range)).GetProperty("periods").GetRawText());
    }

    [Fact]
    public async Task Dashboard_ForSupervisorsOnly_WithAChartAndItsTable()
    {
        await RunScenarioAsync();
        var supervisor = await SignedInAsync("demo.supervisor", "demo-supervisor-2026");
        using (var page = await supervisor.Http.GetAsync("/agent/report?" + Range, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"causes-table\"", html, StringComparison.Ordinal);
            Assert.Contains("2 takeovers confirmed by agents", html, StringComparison.Ordinal);
            Assert.Contains("1 wrongful recovery", html, StringComparison.Ordinal);
            Assert.Contains("form-action 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        // Arabic: right to left, Arabic plural forms, the same figures.
        using (var arabic = await supervisor.Http.GetAsync("/agent/report?" + Range + "&lang=ar", TestContext.Current.CancellationToken))
        {
            var html = await arabic.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Takeover report", html, StringComparison.Ordinal);
        }

        var agent = await SignedInAsync("demo.agent", "demo-agent-2026");
        foreach (var path in new[] { "/agent/report", "/agent/report.csv", "/agent/report.json" })
        {
            using var refused = await agent.Http.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var anonymous = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var page = await anonymous.GetAsync("/agent/report", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        }

        using (var csv = await anonymous.GetAsync("/agent/report.csv", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, csv.StatusCode);
        }

        using var bad = await supervisor.Http.GetAsync("/agent/report.json?by=year", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var badPage = await supervisor.Http.GetAsync("/agent/report?from=2026-31-01", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains("Check the filters", await badPage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_RefusesACauseOutsideTheTaxonomy_AndAuditsTheOneChosen()
    {
        var user = new ChannelUser(_http, "report-cause", _channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();
        var agent = await SignedInAsync("demo.agent", "demo-agent-2026");
        (await agent.PostAsync($"/agent/api/cases/{caseId}/accept")).Dispose();
        using (var refused = await agent.PostAsync($"/agent/api/cases/{caseId}/resolve", new { outcome = "restored", cause = "aliens" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using (var resolved = await agent.PostAsync($"/agent/api/cases/{caseId}/resolve", new { outcome = "restored", cause = "malware" }))
        {
            Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        }

        var audit = await _app.Services.GetRequiredService<SupportBot.Bot.Storage.IAuditLog>().ReadAsync(0, 1000, TestContext.Current.CancellationToken);
        var record = Assert.Single(audit, r => r.Event.Type == "agent_resolved" && r.Event.CaseId == caseId);
        Assert.Equal("malware", JsonDocument.Parse(record.Event.DataJson).RootElement.GetProperty("cause").GetString());
    }

    /// <summary>The events every test here reads; the waits are the figures the assertions expect.</summary>
    private async Task<double> RunScenarioAsync()
    {
        var clock = _app.Clock; // Sunday 22 November 2026, 10:00 UTC: ISO week 47.
        var agent = await SignedInAsync("demo.agent", "demo-agent-2026");

        // Maria (US): reports a takeover, verifies, waits 10 minutes for an agent, restored (phishing), then "this wasn't me".
        var maria = new ChannelUser(_http, "report-maria", _channel.ServiceUrl, "en-US");
        await maria.StartAsync();
        await maria.PressAsync("problem:account_hacked");
        var mariaStarted = clock.GetUtcNow();
        var mariaCase = await maria.IdentifyAndVerifyAsync("maria@example.com", "method:email", "maria@example.com");
        clock.Advance(TimeSpan.FromMinutes(10));
        await AcceptAsync(agent, mariaCase);
        clock.Advance(TimeSpan.FromMinutes(5));
        await ResolveAsync(agent, mariaCase, "restored", "phishing");
        var mariaRestore = (clock.GetUtcNow() - mariaStarted).TotalSeconds;
        await RepudiateAsync("maria@example.com", mariaCase);

        // A French user (FR) solves a lock-out with the self-help steps.
        var pierre = new ChannelUser(_http, "report-pierre", _channel.ServiceUrl, "fr-FR");
        await pierre.StartAsync();
        await pierre.PressAsync("problem:locked_out");
        await pierre.PressAsync("yes");

        // Sam (GB): reports a takeover, waits 4 minutes, refused as not the owner.
        var sam = new ChannelUser(_http, "report-sam-1", _channel.ServiceUrl, "en-GB");
        await sam.StartAsync();
        await sam.PressAsync("problem:account_hacked");
        var samCase = await sam.IdentifyAndVerifyAsync("sam@example.com", "method:sms", "+44 7700 900123");
        clock.Advance(TimeSpan.FromMinutes(4));
        await AcceptAsync(agent, samCase);
        await ResolveAsync(agent, samCase, "not_owner", "not_takeover");

        // Six days later (still ISO week 48, once the security hold of sam's recent phone change is over: security.md
        // B11) sam comes back, waits 20 minutes, and is restored: SIM swap.
        clock.Advance(TimeSpan.FromDays(6));
        agent = await SignedInAsync("demo.agent", "demo-agent-2026"); // A new shift: yesterday's sign-in has expired.
        var sam2 = new ChannelUser(_http, "report-sam-2", _channel.ServiceUrl, "en-GB");
        await sam2.StartAsync();
        await sam2.PressAsync("problem:account_hacked");
        var samCase2 = await sam2.IdentifyAndVerifyAsync("sam@example.com", "method:sms", "+44 7700 900123", nth: 2);
        clock.Advance(TimeSpan.FromMinutes(20));
        await AcceptAsync(agent, samCase2);
        await ResolveAsync(agent, samCase2, "restored", "sim_swap");
        return mariaRestore;
    }

    private async Task RepudiateAsync(string contact, string caseId)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        string? code = null;
        while (code is null && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            code = (await DevOutbox.ReadAsync(_http))
                .Where(m => m.GetProperty("to").GetString() == contact && m.GetProperty("text").GetString()!.Contains(caseId, StringComparison.Ordinal))
                .Select(m => RepudiationCodeText().Match(m.GetProperty("text").GetString()!))
                .FirstOrDefault(m => m.Success)?.Value;
            if (code is null)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        Assert.NotNull(code);
        using var confirmed = await _http.PostAsync(
            "/security/not-me", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code, ["lang"] = "en" }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    private async Task PruneRawRowsAsync(DateTimeOffset cutoff)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_app.DataDirectory, "supportbot.db")}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            DROP TRIGGER IF EXISTS audit_log_no_delete;
            DROP TRIGGER IF EXISTS transcript_no_delete;
            DELETE FROM audit_log WHERE at < $cutoff;
            DELETE FROM transcript WHERE timestamp < $cutoff;
            DELETE FROM conversation_state WHERE updated_at < $cutoff;
            DELETE FROM conversations WHERE created_at < $cutoff;
            DELETE FROM cases WHERE updated_at < $cutoff;
            """;
        command.Parameters.AddWithValue("$cutoff", cutoff.UtcTicks);
        Assert.True(await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken) > 0);
    }

    private static async Task AcceptAsync(AgentConsoleClient agent, string caseId)
    {
        using var response = await agent.PostAsync($"/agent/api/cases/{caseId}/accept");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task ResolveAsync(AgentConsoleClient agent, string caseId, string outcome, string cause)
    {
        using var response = await agent.PostAsync($"/agent/api/cases/{caseId}/resolve", new { outcome, cause });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<AgentConsoleClient> SignedInAsync(string username, string password)
    {
        var agent = new AgentConsoleClient(_app.CreateClient());
        using var response = await agent.SignInAsync(username, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return agent;
    }

    private static List<string> Segments(JsonElement period) =>
        [.. period.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("country").GetString() + "/" + s.GetProperty("language").GetString())];

    private static JsonElement Segment(JsonElement period, string country, string language) =>
        period.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("country").GetString() == country && s.GetProperty("language").GetString() == language);

    [GeneratedRegex(@"[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}")]
    private static partial Regex RepudiationCodeText();
}
