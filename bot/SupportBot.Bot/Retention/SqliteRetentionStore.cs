using SupportBot.Bot.Storage;
using SupportBot.Bot.Storage.Sqlite;

namespace SupportBot.Bot.Retention;

/// <summary>
/// Deletes what the retention periods have run out on, in one write transaction, with <c>secure_delete</c> fully
/// on so the deleted bytes are overwritten rather than left in free pages; then truncates the write-ahead log,
/// whose old frames would otherwise still hold the pruned pages.
/// </summary>
/// <remarks>
/// <para>
/// A conversation is idle when nothing happened in it (created, state saved, transcript entry) after the cutoff.
/// An idle conversation whose case is still open (queued, after hours, with an agent) is kept whole: the agent
/// who picks the case up needs its transcript, and the case can only be closed by a person. It goes at the first
/// run after its case is closed for longer than the transcript period.
/// </para>
/// <para>
/// Throttle rows go once they can no longer change a decision: sends and owner notices older than every window
/// that counts them; an account's failure counter after it stood still for the transcript period (a counter that
/// slept that long restarts at zero: at most 20 guesses of an 8-digit code per period, documented in the README).
/// Codes go a day after they expired, so a late answer still gets "expired", not "unknown".
/// </para>
/// </remarks>
internal sealed class SqliteRetentionStore(SqliteDatabase database, AuditChainKey auditKey)
{
    private const string OpenStatuses = "('queued', 'after_hours', 'with_agent')";

    private const string IdleConversations =
        $"""
        WITH activity (conversation_id, at) AS (
            SELECT conversation_id, created_at FROM conversations
            UNION ALL SELECT conversation_id, updated_at FROM conversation_state
            UNION ALL SELECT conversation_id, MAX(timestamp) FROM transcript GROUP BY conversation_id),
        idle AS (
            SELECT conversation_id FROM activity GROUP BY conversation_id HAVING MAX(at) < $cutoff)
        SELECT conversation_id,
               EXISTS (SELECT 1 FROM cases WHERE cases.conversation_id = idle.conversation_id AND cases.status IN {OpenStatuses})
        FROM idle;
        """;

    private const string MarkSql = "INSERT OR IGNORE INTO retention_pruning (conversation_id) VALUES ($conversation_id);";

    private const string CountMarkedTranscriptSql =
        "SELECT COUNT(*) FROM transcript WHERE conversation_id IN (SELECT conversation_id FROM retention_pruning);";

    private const string DeleteMarkedSql =
        """
        DELETE FROM transcript WHERE conversation_id IN (SELECT conversation_id FROM retention_pruning);
        DELETE FROM conversation_state WHERE conversation_id IN (SELECT conversation_id FROM retention_pruning);
        DELETE FROM conversations WHERE conversation_id IN (SELECT conversation_id FROM retention_pruning);
        """;

    private const string ClearMarksSql = "DELETE FROM retention_pruning;";

    private const string ClosedCasesWhere =
        $"status NOT IN {OpenStatuses} AND updated_at < $cutoff";

    private const string CountClosedCasesSql = $"SELECT COUNT(*) FROM cases WHERE {ClosedCasesWhere};";

    private const string DeleteClosedCasesSql =
        $"""
        DELETE FROM case_handling WHERE case_id IN (SELECT case_id FROM cases WHERE {ClosedCasesWhere});
        DELETE FROM security_holds WHERE case_id IN (SELECT case_id FROM cases WHERE {ClosedCasesWhere});
        DELETE FROM cases WHERE {ClosedCasesWhere};
        """;

    private const string OutboxWhere = "status IN ('delivered', 'dead') AND created_at < $outbox_cutoff";

    private const string CodesWhere = "expires_at < $codes_cutoff";

    private const string SendsWhere = "sent_at < $throttle_cutoff";

    private const string NoticesWhere = "requested_at < $throttle_cutoff";

    private const string FailuresWhere = "last_failure_at < $cutoff";

    private const string RepudiationsWhere = "expires_at < $now";

    public Task<RetentionReport> PruneAsync(RetentionCutoffs cutoffs, bool dryRun, CancellationToken cancellationToken) =>
        PruneAndTruncateAsync(cutoffs, dryRun, cancellationToken);

    private async Task<RetentionReport> PruneAndTruncateAsync(RetentionCutoffs cutoffs, bool dryRun, CancellationToken cancellationToken)
    {
        var report = await database.WriteAsync(
            dryRun ? "counting what retention would prune" : "pruning what retention has run out on",
            (Cutoffs: cutoffs, DryRun: dryRun, Key: auditKey),
            static async (session, state, token) =>
            {
                var c = state.Cutoffs;
                await session.Command("PRAGMA secure_delete = ON;").ExecuteNonQueryAsync(token);
                try
                {
                    long conversations = 0, keptOpen = 0;
                    await using (var reader = await session.Command(IdleConversations).Bind("$cutoff", c.Transcripts).ExecuteReaderAsync(token))
                    {
                        var idle = new List<string>();
                        while (await reader.ReadAsync(token))
                        {
                            if (reader.GetInt64(1) != 0)
                            {
                                keptOpen++;
                            }
                            else
                            {
                                idle.Add(reader.GetString(0));
                            }
                        }

                        await reader.CloseAsync();
                        foreach (var id in idle)
                        {
                            await session.Command(MarkSql).Bind("$conversation_id", id).ExecuteNonQueryAsync(token);
                        }

                        conversations = idle.Count;
                    }

                    var entries = await ScalarAsync(session, CountMarkedTranscriptSql, c, token);
                    var cases = await ScalarAsync(session, CountClosedCasesSql, c, token);
                    var outbox = await CountOrDeleteAsync(session, "outbox", OutboxWhere, c, state.DryRun, token);
                    var codes = await CountOrDeleteAsync(session, "verification_codes", CodesWhere, c, state.DryRun, token);
                    var throttles = await CountOrDeleteAsync(session, "code_sends", SendsWhere, c, state.DryRun, token)
                        + await CountOrDeleteAsync(session, "owner_notices", NoticesWhere, c, state.DryRun, token)
                        + await CountOrDeleteAsync(session, "account_failures", FailuresWhere, c, state.DryRun, token);
                    var repudiations = await CountOrDeleteAsync(session, "repudiations", RepudiationsWhere, c, state.DryRun, token);
                    if (!state.DryRun)
                    {
                        await session.Command(DeleteMarkedSql).ExecuteNonQueryAsync(token);
                        await Bound(session.Command(DeleteClosedCasesSql), c).ExecuteNonQueryAsync(token);
                    }

                    await session.Command(ClearMarksSql).ExecuteNonQueryAsync(token);
                    var (audit, checkpoint) = await SqliteAuditLog.PruneAsync(session, state.Key, c.SecurityEvents, c.Now, state.DryRun, token);
                    return new RetentionReport(
                        state.DryRun, c.Transcripts, c.SecurityEvents, conversations, entries, cases, keptOpen, outbox, codes, throttles, repudiations, audit, checkpoint);
                }
                finally
                {
                    await session.Command("PRAGMA secure_delete = FAST;").ExecuteNonQueryAsync(CancellationToken.None);
                }
            },
            cancellationToken);

        if (!dryRun)
        {
            // The write-ahead log still holds the pages as they were before the deletes: copy back and cut it off.
            await database.TruncateWriteAheadLogAsync(cancellationToken);
        }

        return report;
    }

    private static async Task<long> CountOrDeleteAsync(
        SqliteSession session, string table, string where, RetentionCutoffs cutoffs, bool dryRun, CancellationToken cancellationToken)
    {
        var sql = dryRun ? $"SELECT COUNT(*) FROM {table} WHERE {where};" : $"DELETE FROM {table} WHERE {where};";
        var command = Bound(session.Command(sql), cutoffs);
        return dryRun ? (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L) : await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(SqliteSession session, string sql, RetentionCutoffs cutoffs, CancellationToken cancellationToken) =>
        (long)(await Bound(session.Command(sql), cutoffs).ExecuteScalarAsync(cancellationToken) ?? 0L);

    private static Microsoft.Data.Sqlite.SqliteCommand Bound(Microsoft.Data.Sqlite.SqliteCommand command, RetentionCutoffs cutoffs)
    {
        // Every statement gets every parameter it names; unused ones would be an error in SQLite's binding.
        var text = command.CommandText;
        Bind(command, text, "$cutoff", cutoffs.Transcripts);
        Bind(command, text, "$outbox_cutoff", cutoffs.Outbox);
        Bind(command, text, "$codes_cutoff", cutoffs.Codes);
        Bind(command, text, "$throttle_cutoff", cutoffs.Throttles);
        Bind(command, text, "$now", cutoffs.Now);
        return command;
    }

    private static void Bind(Microsoft.Data.Sqlite.SqliteCommand command, string text, string name, DateTimeOffset value)
    {
        if (text.Contains(name, StringComparison.Ordinal))
        {
            command.Bind(name, value);
        }
    }
}

/// <summary>The instants before which each kind of record goes, all derived from one "now".</summary>
internal sealed record RetentionCutoffs(
    DateTimeOffset Now, DateTimeOffset Transcripts, DateTimeOffset SecurityEvents, DateTimeOffset Outbox, DateTimeOffset Codes, DateTimeOffset Throttles);
