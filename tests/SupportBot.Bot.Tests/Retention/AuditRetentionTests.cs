using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Retention;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.Cli;
using SupportBot.Bot.Tests.Security.TestSupport;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Retention;

/// <summary>
/// Pruning the audit log's oldest records keeps <c>supportbot audit verify</c> meaningful: it verifies from the MACed
/// checkpoint, and still names tampering after it, a deletion without a checkpoint, and a forged checkpoint.
/// </summary>
public sealed class AuditRetentionTests
{
    private const int OldRecords = 4;
    private const int NewRecords = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AfterPruning_VerifyPassesFromTheCheckpoint()
    {
        var data = await WriteLogAsync(prune: true);

        var (exit, output) = await VerifyAsync(data);

        Assert.True(exit == 0, output);
        Assert.Contains("intact", output, StringComparison.Ordinal);
        Assert.Contains("checkpoint", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("edit-after-checkpoint", "edited")]
    [InlineData("delete-after-checkpoint", "missing")]
    [InlineData("forged-checkpoint", "valid MAC")]
    [InlineData("checkpoint-deleted", "missing")]
    public async Task AfterPruning_TamperingIsStillNamed(string tampering, string why)
    {
        var data = await WriteLogAsync(prune: true);
        await TamperAsync(data, tampering);

        var (exit, output) = await VerifyAsync(data);

        Assert.NotEqual(0, exit);
        Assert.Contains("BROKEN", output, StringComparison.Ordinal);
        Assert.Contains(why, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingTheOldestRecordsWithoutACheckpoint_IsDetected()
    {
        var data = await WriteLogAsync(prune: false);
        await TamperAsync(data, "delete-oldest");

        var (exit, output) = await VerifyAsync(data);

        Assert.NotEqual(0, exit);
        Assert.Contains("BROKEN at record 1:", output, StringComparison.Ordinal);
    }

    private static async Task<string> WriteLogAsync(bool prune)
    {
        string copy;
        await using (var host = new SecurityHost())
        {
            _ = host.CreateClient();
            var audit = host.Services.GetRequiredService<IAuditLog>();
            await AppendAsync(host, audit, "old", OldRecords);
            host.Clock.Advance(TimeSpan.FromDays(731));
            await AppendAsync(host, audit, "new", NewRecords);
            if (prune)
            {
                var report = await host.Services.GetRequiredService<RetentionService>().RunAsync(dryRun: false, Ct);
                Assert.True(report.AuditRecords >= OldRecords, report.Describe());
                Assert.NotNull(report.AuditCheckpoint);
                var verified = Assert.IsType<AuditVerification.Intact>(await audit.VerifyAsync(Ct));
                Assert.Equal(report.AuditCheckpoint, verified.CheckpointSequence);
            }

            // The host deletes its folder on disposal: copy it out.
            copy = await LiveDataFolder.CopyAsync(host.Services, host.DataDirectory, "supportbot-audit-retention-", Ct);
        }

        return copy;
    }

    private static async Task AppendAsync(SecurityHost host, IAuditLog audit, string prefix, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await audit.AppendAsync(
                new AuditEvent("code_sent", host.Clock.GetUtcNow(), "bot", $"{prefix}-{i}", null, "acc-maria", $$"""{"n":{{i}}}"""), Ct);
        }
    }

    private static async Task TamperAsync(string data, string tampering)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "supportbot.db")};Pooling=False");
        await connection.OpenAsync(Ct);
        await ExecuteAsync(connection, "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;");
        const string firstKept = "(SELECT MIN(sequence) FROM audit_log)";
        switch (tampering)
        {
            case "edit-after-checkpoint":
                await ExecuteAsync(connection, $"UPDATE audit_log SET data_json = '{{\"verified\":true}}' WHERE sequence = {firstKept} + 1;");
                break;
            case "delete-after-checkpoint":
                await ExecuteAsync(connection, $"DELETE FROM audit_log WHERE sequence = {firstKept};");
                break;
            case "forged-checkpoint":
                // Move the checkpoint past a record the forger wants gone, without the key to MAC it.
                await ExecuteAsync(connection,
                    $"UPDATE audit_checkpoints SET sequence = {firstKept}, hash = (SELECT hash FROM audit_log WHERE sequence = {firstKept}); DELETE FROM audit_log WHERE sequence = (SELECT MAX(sequence) FROM audit_checkpoints);");
                break;
            case "checkpoint-deleted":
                await ExecuteAsync(connection, "DELETE FROM audit_checkpoints;");
                break;
            case "delete-oldest":
                await ExecuteAsync(connection, "DELETE FROM audit_log WHERE sequence <= 2;");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<(int Exit, string Output)> VerifyAsync(string data)
    {
        using var cli = CliProcess.Start(data, "audit", "verify");
        var exit = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, cli.Output);
    }
}
