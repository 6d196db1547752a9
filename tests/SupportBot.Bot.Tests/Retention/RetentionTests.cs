using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Retention;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.Cli;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.Security.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.Retention;

/// <summary>
/// Retention (security.md G3) through the real host and its SQLite file: after 91 days an idle conversation's
/// transcript and state are gone from every file (WAL included), an open case's conversation stays, and the
/// audit log still verifies from its checkpoint.
/// </summary>
public sealed class RetentionTests : IDisposable
{
    private const string Marker = "zanzibar goldfish lighthouse";

    private readonly BotApplication _app = new();
    private readonly HttpClient _http;

    public RetentionTests() => _http = _app.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task After91Days_IdleTranscriptIsGoneFromEveryFile_OpenCaseConversationIsKept()
    {
        var open = await QueueMariaAsync("retention-open");
        var idle = new ExpectRepliesClient(_http, "retention-idle");
        await idle.StartAsync();
        await idle.SayAsync($"my account was hacked, my pet is a {Marker}");
        Assert.NotEmpty(await QueryAsync("SELECT activity_json FROM transcript WHERE conversation_id = 'retention-idle';"));

        // The code and the escalation notices leave in the background: let them go first, or one delivered after the
        // run would be a spent row the run could not have seen.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await QueryAsync("SELECT 1 FROM outbox WHERE status = 'pending';")).Count > 0 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50, Ct);
        }

        _app.Clock.Advance(TimeSpan.FromDays(91));
        var retention = _app.Services.GetRequiredService<RetentionService>();

        var dryRun = await retention.RunAsync(dryRun: true, Ct);
        Assert.Equal(1, dryRun.Conversations);
        Assert.Equal(1, dryRun.KeptForOpenCases);
        Assert.NotEmpty(await QueryAsync("SELECT 1 FROM transcript WHERE conversation_id = 'retention-idle';"));

        var report = await retention.RunAsync(dryRun: false, Ct);

        Assert.Equal(1, report.Conversations);
        Assert.True(report.TranscriptEntries >= 2, report.Describe());
        Assert.Empty(await QueryAsync("SELECT 1 FROM transcript WHERE conversation_id = 'retention-idle';"));
        Assert.Empty(await QueryAsync("SELECT 1 FROM conversation_state WHERE conversation_id = 'retention-idle';"));
        Assert.NotEmpty(await QueryAsync($"SELECT 1 FROM transcript WHERE conversation_id = '{open.ConversationId}';"));
        Assert.NotEmpty(await QueryAsync($"SELECT status FROM cases WHERE conversation_id = '{open.ConversationId}';"));
        // The delivered code message (encrypted, then erased) is pruned with the outbox's spent rows.
        Assert.Empty(await QueryAsync("SELECT 1 FROM outbox WHERE status <> 'pending';"));
        Assert.Empty(LeakScanner.FindInFiles(_app.DataDirectory, [Marker]));

        // The bot still answers the kept conversation, and a new one in the pruned one's place starts afresh.
        await idle.StartAsync();
        Assert.NotEmpty(idle.LastReplies);
        Assert.Contains("retention_pruned", await QueryAsync("SELECT type FROM audit_log;"));
    }

    [Fact]
    public async Task ClosedCase_IsPrunedWithItsConversation_AfterTheTranscriptPeriod()
    {
        var user = await QueueMariaAsync("retention-closed");
        await user.SayAsync("stop");
        var status = await QueryAsync("SELECT status FROM cases WHERE conversation_id = 'retention-closed';");
        Assert.Equal(["cancelled"], status);

        _app.Clock.Advance(TimeSpan.FromDays(89));
        var early = await _app.Services.GetRequiredService<RetentionService>().RunAsync(dryRun: false, Ct);
        Assert.Equal(0, early.Cases);

        _app.Clock.Advance(TimeSpan.FromDays(2));
        var report = await _app.Services.GetRequiredService<RetentionService>().RunAsync(dryRun: false, Ct);
        Assert.Equal(1, report.Cases);
        Assert.Empty(await QueryAsync("SELECT 1 FROM cases WHERE conversation_id = 'retention-closed';"));
        Assert.Empty(await QueryAsync("SELECT 1 FROM transcript WHERE conversation_id = 'retention-closed';"));
        Assert.Empty(await QueryAsync("SELECT 1 FROM verification_codes;"));
    }

    [Fact]
    public async Task TranscriptRows_CannotBeDeletedOutsideARetentionRun()
    {
        var user = new ExpectRepliesClient(_http, "retention-guard");
        await user.StartAsync();
        await using var connection = await OpenAsync();
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM transcript WHERE conversation_id = 'retention-guard';";
        var refused = await Assert.ThrowsAsync<SqliteException>(() => delete.ExecuteNonQueryAsync(Ct));
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadOptions_StopTheHost()
    {
        using var app = new BotApplication(settings: new() { ["Retention:Transcripts"] = "400.00:00:00", ["Retention:SecurityEvents"] = "30.00:00:00" });
        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Retention:SecurityEvents", failure.ToString(), StringComparison.Ordinal);
    }

    private async Task<ExpectRepliesClient> QueueMariaAsync(string conversationId)
    {
        var user = new ExpectRepliesClient(_http, conversationId);
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("maria@example.com");
        await user.PressAsync("method:email");
        var before = await DevOutbox.CountCodeMessagesAsync(_http, "maria@example.com");
        await user.SubmitCodeAsync(await DevOutbox.WaitForCodeAsync(_http, "maria@example.com", nth: Math.Max(1, before)));
        Assert.Matches(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}", user.LastText);
        return user;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_app.DataDirectory, "supportbot.db")};Pooling=False");
        await connection.OpenAsync(Ct);
        return connection;
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = await OpenAsync();
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
