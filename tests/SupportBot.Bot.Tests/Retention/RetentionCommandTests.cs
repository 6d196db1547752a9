using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using SupportBot.Bot.Tests.Cli;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Retention;

/// <summary><c>supportbot retention run [--dry-run]</c> as an operator runs it, on a data folder whose conversation is 100 days old.</summary>
public sealed class RetentionCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DryRun_PrintsWhatWouldGo_AndDeletesNothing_ThenRunPrunesIt()
    {
        var data = await WriteOldConversationAsync();

        var (dryExit, dryOutput) = await RunAsync(data, "retention", "run", "--dry-run");
        Assert.True(dryExit == 0, dryOutput);
        Assert.Contains("conversations would prune: 1", dryOutput, StringComparison.Ordinal);
        Assert.Equal(1L, await CountAsync(data, "SELECT COUNT(DISTINCT conversation_id) FROM transcript;"));

        var (exit, output) = await RunAsync(data, "retention", "run");
        Assert.True(exit == 0, output);
        Assert.Contains("conversations pruned: 1", output, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync(data, "SELECT COUNT(*) FROM transcript;"));

        var (verifyExit, verifyOutput) = await RunAsync(data, "audit", "verify");
        Assert.True(verifyExit == 0, verifyOutput);
    }

    private static async Task<string> WriteOldConversationAsync()
    {
        using var app = new BotApplication();
        app.Clock.Advance(-TimeSpan.FromDays(100)); // the command runs on the real clock: this conversation is 100 days old
        var user = new ExpectRepliesClient(app.CreateClient(), "retention-cli");
        await user.StartAsync();
        await user.SayAsync("my account was hacked");

        return await LiveDataFolder.CopyAsync(app.Services, app.DataDirectory, "supportbot-retention-cli-", Ct);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string data, params string[] arguments)
    {
        using var cli = CliProcess.Start(data, arguments);
        var exit = await cli.WaitForExitAsync(TimeSpan.FromSeconds(120));
        return (exit, cli.Output);
    }

    private static async Task<long> CountAsync(string data, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "supportbot.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
