using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.Cli;
using SupportBot.Bot.Tests.Security.TestSupport;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Security.Audit;

/// <summary>
/// Someone with the SQLite file (not the audit key) rewrites the audit log in every way; <c>supportbot audit
/// verify</c>, run as an operator runs it, names the first bad record and why, and exits non-zero.
/// </summary>
public sealed class AuditTamperingTests
{
    private const int Records = 6;

    [Fact]
    public async Task Verify_UntouchedLog_IsIntact_ExitZero()
    {
        var data = await WriteLogAsync();

        var (exit, output) = await VerifyAsync(data);

        Assert.Equal(0, exit);
        Assert.Contains($"intact: {Records} records", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("edit", 3, "edited")]
    [InlineData("delete", 3, "missing")]
    [InlineData("reorder", 2, "does not follow")]
    [InlineData("truncate", 5, "cut off the end")]
    [InlineData("rehash", 1, "re-hashed without the audit key")]
    [InlineData("anchor-edited", 0, "anchor")]
    [InlineData("anchor-deleted", 1, "anchor is missing")]
    public async Task Verify_TamperedLog_NamesTheFirstBadRecordAndWhy_ExitNonZero(string tampering, long firstBad, string why)
    {
        var data = await WriteLogAsync();
        await TamperAsync(data, tampering);

        var (exit, output) = await VerifyAsync(data);

        Assert.NotEqual(0, exit);
        Assert.Contains($"BROKEN at record {firstBad}:", output, StringComparison.Ordinal);
        Assert.Contains(why, output, StringComparison.Ordinal);
    }

    private static async Task<string> WriteLogAsync()
    {
        string data;
        await using (var host = new SecurityHost())
        {
            data = host.DataDirectory;
            _ = host.CreateClient();
            var audit = host.Services.GetRequiredService<IAuditLog>();
            for (var i = 1; i <= Records; i++)
            {
                await audit.AppendAsync(
                    new AuditEvent(i % 2 == 0 ? "code_failed" : "code_sent", host.Clock.GetUtcNow(), "bot", "conv-" + i, null, "acct-maria", $$"""{"n":{{i}}}"""),
                    TestContext.Current.CancellationToken);
            }

            // Keep the folder: the host deletes it on disposal, so copy it out first.
            data = await LiveDataFolder.CopyAsync(host.Services, data, "supportbot-audit-", TestContext.Current.CancellationToken);
        }

        return data;
    }

    private static async Task TamperAsync(string data, string tampering)
    {
        var anchor = Path.Combine(data, "keys", "audit-anchor.json");
        switch (tampering)
        {
            case "anchor-edited":
                File.WriteAllText(anchor, File.ReadAllText(anchor).Replace($"\"Sequence\":{Records}", "\"Sequence\":4", StringComparison.Ordinal));
                return;
            case "anchor-deleted":
                File.Delete(anchor);
                return;
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "supportbot.db")};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;");
        switch (tampering)
        {
            case "edit":
                await ExecuteAsync(connection, """UPDATE audit_log SET data_json = '{"n":3,"verified":true}' WHERE sequence = 3;""");
                break;
            case "delete":
                await ExecuteAsync(connection, "DELETE FROM audit_log WHERE sequence = 3;");
                break;
            case "reorder":
                await ExecuteAsync(connection, "UPDATE audit_log SET sequence = 1000 WHERE sequence = 2; UPDATE audit_log SET sequence = 2 WHERE sequence = 3; UPDATE audit_log SET sequence = 3 WHERE sequence = 1000;");
                break;
            case "truncate":
                await ExecuteAsync(connection, "DELETE FROM audit_log WHERE sequence >= 5;");
                break;
            case "rehash":
                await RehashWithAGuessedKeyAsync(connection);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null);
        }
    }

    /// <summary>The forger edits record 2 and rebuilds the whole chain, knowing the algorithm but not the key.</summary>
    private static async Task RehashWithAGuessedKeyAsync(SqliteConnection connection)
    {
        var guessed = new AuditChainKey(new byte[32]);
        var records = new List<(long Sequence, AuditEvent Event)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT sequence, type, at, actor, conversation_id, case_id, account_ref, data_json FROM audit_log ORDER BY sequence;";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                records.Add((reader.GetInt64(0), new AuditEvent(
                    reader.GetString(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7))));
            }
        }

        var previous = AuditChain.GenesisHash;
        foreach (var (sequence, original) in records)
        {
            var auditEvent = sequence == 2 ? original with { Actor = "agent-mallory" } : original;
            var hash = AuditChain.ComputeHash(guessed, sequence, previous, auditEvent);
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE audit_log SET actor = $actor, previous_hash = $previous, hash = $hash WHERE sequence = $sequence;";
            update.Parameters.AddWithValue("$actor", auditEvent.Actor);
            update.Parameters.AddWithValue("$previous", previous);
            update.Parameters.AddWithValue("$hash", hash);
            update.Parameters.AddWithValue("$sequence", sequence);
            await update.ExecuteNonQueryAsync();
            previous = hash;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(int Exit, string Output)> VerifyAsync(string data)
    {
        using var cli = CliProcess.Start(data, "audit", "verify");
        var exit = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, cli.Output);
    }
}
