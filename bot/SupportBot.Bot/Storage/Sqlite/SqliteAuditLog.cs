using Microsoft.Data.Sqlite;

namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>The hash-chained audit log in SQLite (<see cref="AuditChain"/> defines the hashes).</summary>
/// <remarks>
/// <para>
/// Appends go through the single writer and read the chain's tail inside their <c>BEGIN IMMEDIATE</c>
/// transaction, so two appends can never extend the same record and fork the chain, not even from two processes.
/// </para>
/// <para>
/// Triggers refuse UPDATE and DELETE, but they only stop mistakes: someone with the file can drop them.
/// <see cref="VerifyAsync"/> therefore trusts nothing it reads. It recomputes every hash from the stored fields
/// and checks that sequences run 1, 2, 3… and that each record names its predecessor's hash. A record cut off
/// the end of the chain leaves no trace inside it: the <see cref="AuditAnchor"/>, kept outside the database, holds
/// the latest head and <see cref="VerifyAsync"/> checks the chain still reaches it. Hashes are keyed
/// (<see cref="AuditChainKey"/>), so re-hashing a whole forged chain needs the key, not just the file.
/// </para>
/// </remarks>
internal sealed class SqliteAuditLog(SqliteDatabase database, AuditChainKey key, AuditAnchor? anchor = null) : IAuditLog
{
    private const string Columns =
        "sequence, type, at, actor, conversation_id, case_id, account_ref, data_json, previous_hash, hash";

    private const string TailSql = "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1;";

    private const string InsertSql =
        $"""
        INSERT INTO audit_log ({Columns})
        VALUES ($sequence, $type, $at, $actor, $conversation_id, $case_id, $account_ref, $data_json, $previous_hash, $hash);
        """;

    private const string SelectAfterSql = $"SELECT {Columns} FROM audit_log WHERE sequence > $after ORDER BY sequence LIMIT $max;";

    private const string SelectFromSql = $"SELECT {Columns} FROM audit_log WHERE sequence > $after ORDER BY sequence;";

    private const string CheckpointSql = "SELECT sequence, hash, created_at, mac FROM audit_checkpoints ORDER BY sequence DESC LIMIT 1;";

    // The last record of the prefix whose every record is older than the cutoff: times are not trusted to rise
    // with the sequence, and the chain can only be cut at one place.
    private const string PrunableThroughSql =
        """
        SELECT COALESCE(
            (SELECT MIN(sequence) FROM audit_log WHERE at >= $cutoff) - 1,
            (SELECT MAX(sequence) FROM audit_log));
        """;

    private const string HashAtSql = "SELECT hash FROM audit_log WHERE sequence = $sequence;";

    private const string CountThroughSql = "SELECT COUNT(*) FROM audit_log WHERE sequence <= $sequence;";

    private const string InsertCheckpointSql =
        "INSERT INTO audit_checkpoints (sequence, hash, created_at, mac) VALUES ($sequence, $hash, $created_at, $mac);";

    private const string DeleteThroughSql = "DELETE FROM audit_log WHERE sequence <= $sequence;";

    private readonly SqliteDatabase _database = database;

    public async Task<AuditRecord> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentNullException.ThrowIfNull(auditEvent.Type);
        ArgumentNullException.ThrowIfNull(auditEvent.Actor);
        ArgumentNullException.ThrowIfNull(auditEvent.DataJson);

        var record = await _database.WriteAsync(
            "appending to the audit log",
            (Event: AuditChain.Normalize(auditEvent), Key: key),
            static async (session, state, token) =>
            {
                long sequence = 1;
                var previousHash = AuditChain.GenesisHash;
                await using (var tail = await session.Command(TailSql).ExecuteReaderAsync(token))
                {
                    if (await tail.ReadAsync(token))
                    {
                        sequence = tail.GetInt64(0) + 1;
                        previousHash = tail.GetString(1);
                    }
                }

                var auditEvent = state.Event;
                var hash = AuditChain.ComputeHash(state.Key, sequence, previousHash, auditEvent);
                await session.Command(InsertSql)
                    .Bind("$sequence", sequence)
                    .Bind("$type", auditEvent.Type)
                    .Bind("$at", auditEvent.At)
                    .Bind("$actor", auditEvent.Actor)
                    .Bind("$conversation_id", auditEvent.ConversationId)
                    .Bind("$case_id", auditEvent.CaseId)
                    .Bind("$account_ref", auditEvent.AccountRef)
                    .Bind("$data_json", auditEvent.DataJson)
                    .Bind("$previous_hash", previousHash)
                    .Bind("$hash", hash)
                    .ExecuteNonQueryAsync(token);
                return new AuditRecord(sequence, auditEvent, previousHash, hash);
            },
            cancellationToken);

        // After the commit: an anchor ahead of the log would look like a cut-off tail.
        anchor?.Advance(record.Sequence, record.Hash);
        return record;
    }

    public Task<IReadOnlyList<AuditRecord>> ReadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        if (maxCount == 0)
        {
            return Task.FromResult<IReadOnlyList<AuditRecord>>([]);
        }

        return _database.ReadAsync(
            "reading the audit log",
            (afterSequence, maxCount),
            static async (session, state, token) =>
            {
                await using var reader = await session.Command(SelectAfterSql)
                    .Bind("$after", state.afterSequence)
                    .Bind("$max", state.maxCount)
                    .ExecuteReaderAsync(token);
                var records = new List<AuditRecord>();
                while (await reader.ReadAsync(token))
                {
                    records.Add(ReadRecord(reader));
                }

                return (IReadOnlyList<AuditRecord>)records;
            },
            cancellationToken);
    }

    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        // The anchor is read first: appends made while the chain is read can only move it past what we check.
        var head = anchor?.Read();
        if (head is { Valid: false })
        {
            return Task.FromResult<AuditVerification>(new AuditVerification.Broken(
                0, $"The anchor file {anchor!.Path} does not carry a valid MAC: it was edited or replaced."));
        }

        return _database.ReadAsync(
            "verifying the audit log",
            (Key: key, Head: head, Anchored: anchor is not null),
            static async (session, state, token) =>
            {
                // A read transaction: the checkpoint and the records come from one WAL snapshot, so appends or a
                // pruning run made meanwhile cannot look like tampering.
                await using var snapshot = session.Connection.BeginTransaction(deferred: true);
                long expected = 1;
                var previousHash = AuditChain.GenesisHash;
                long checkpointSequence = 0;
                if (await ReadCheckpointAsync(session, snapshot, token) is { } checkpoint)
                {
                    if (!checkpoint.IsAuthentic(state.Key))
                    {
                        return new AuditVerification.Broken(
                            checkpoint.Sequence + 1, $"The retention checkpoint at record {checkpoint.Sequence} does not carry a valid MAC: it was forged or edited.");
                    }

                    checkpointSequence = checkpoint.Sequence;
                    expected = checkpoint.Sequence + 1;
                    previousHash = checkpoint.Hash;
                    if (state.Head is { } anchoredAtCheckpoint && anchoredAtCheckpoint.Sequence == checkpoint.Sequence
                        && !string.Equals(anchoredAtCheckpoint.Hash, checkpoint.Hash, StringComparison.Ordinal))
                    {
                        return new AuditVerification.Broken(checkpoint.Sequence, "The retention checkpoint is not the record the anchor saw there.");
                    }
                }

                await using var select = Fresh(session, snapshot, SelectFromSql);
                await using var reader = await select.Bind("$after", checkpointSequence).ExecuteReaderAsync(token);
                while (await reader.ReadAsync(token))
                {
                    if (Check(state.Key, reader, expected, previousHash) is { } broken)
                    {
                        return broken;
                    }

                    previousHash = reader.GetString(9);
                    if (state.Head is { } anchored && anchored.Sequence == expected && !string.Equals(anchored.Hash, previousHash, StringComparison.Ordinal))
                    {
                        return new AuditVerification.Broken(
                            expected, $"Record {expected} is not the record the anchor saw there: the log was rewritten from here or earlier.");
                    }

                    expected++;
                }

                var last = expected - 1;
                if (state.Head is { } head && head.Sequence > last)
                {
                    return new AuditVerification.Broken(
                        last + 1, $"The log ends at record {last} but its anchor says it reached record {head.Sequence}: records were cut off the end.");
                }

                if (state.Anchored && state.Head is null && last > 0)
                {
                    return new AuditVerification.Broken(1, "The audit anchor is missing although the log has records: it was deleted, or the log was copied without it.");
                }

                return (AuditVerification)new AuditVerification.Intact(last - checkpointSequence, checkpointSequence);
            },
            cancellationToken);
    }

    /// <summary>
    /// Inside a write (the retention run's): records every one of which is older than <paramref name="cutoff"/>
    /// are replaced by a checkpoint at the last of them, MACed with the chain key. Returns how many records go
    /// and the checkpoint's sequence (null when nothing is old enough); a dry run only counts.
    /// </summary>
    internal static async Task<(long Pruned, long? Checkpoint)> PruneAsync(
        SqliteSession session, AuditChainKey key, DateTimeOffset cutoff, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken)
    {
        var through = await session.Command(PrunableThroughSql).Bind("$cutoff", cutoff).ExecuteScalarAsync(cancellationToken);
        if (through is not long sequence || sequence <= 0)
        {
            return (0, null);
        }

        var current = await ReadCheckpointAsync(session, null, cancellationToken);
        if (current is not null && current.Sequence >= sequence)
        {
            return (0, null);
        }

        var count = (long)(await session.Command(CountThroughSql).Bind("$sequence", sequence).ExecuteScalarAsync(cancellationToken) ?? 0L);
        if (dryRun)
        {
            return (count, sequence);
        }

        var hash = (string)(await session.Command(HashAtSql).Bind("$sequence", sequence).ExecuteScalarAsync(cancellationToken))!;
        var checkpoint = AuditCheckpoint.Create(key, sequence, hash, now);
        await session.Command(InsertCheckpointSql)
            .Bind("$sequence", checkpoint.Sequence)
            .Bind("$hash", checkpoint.Hash)
            .Bind("$created_at", checkpoint.CreatedAt)
            .Bind("$mac", checkpoint.Mac)
            .ExecuteNonQueryAsync(cancellationToken);
        await session.Command(DeleteThroughSql).Bind("$sequence", sequence).ExecuteNonQueryAsync(cancellationToken);
        return (count, sequence);
    }

    private static async Task<AuditCheckpoint?> ReadCheckpointAsync(SqliteSession session, Microsoft.Data.Sqlite.SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        // Inside the verifier's read transaction a fresh command: cached ones must not keep a finished transaction.
        await using var fresh = transaction is null ? null : Fresh(session, transaction, CheckpointSql);
        var command = fresh ?? session.Command(CheckpointSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AuditCheckpoint(reader.GetInt64(0), reader.GetString(1), reader.GetInstant(2), reader.GetString(3))
            : null;
    }

    private static Microsoft.Data.Sqlite.SqliteCommand Fresh(SqliteSession session, Microsoft.Data.Sqlite.SqliteTransaction transaction, string sql)
    {
        var command = session.Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static AuditVerification.Broken? Check(AuditChainKey key, SqliteDataReader reader, long expected, string previousHash)
    {
        AuditRecord record;
        try
        {
            record = ReadRecord(reader);
        }
        catch (Exception exception) when (exception is InvalidCastException or InvalidOperationException or FormatException or OverflowException)
        {
            // With the table's STRICT checks bypassed, a field can hold NULL or the wrong type.
            return new AuditVerification.Broken(expected, "The record cannot be read: a field was changed to an impossible value.");
        }

        if (record.Sequence != expected)
        {
            return record.Sequence > expected
                ? new AuditVerification.Broken(expected, $"Record {expected} is missing: the next record is {record.Sequence}.")
                : new AuditVerification.Broken(expected, $"A record numbered {record.Sequence} appears where {expected} was expected.");
        }

        if (!string.Equals(record.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return new AuditVerification.Broken(
                expected, "The record does not follow the one before it: records were deleted, inserted or reordered.");
        }

        if (!string.Equals(AuditChain.ComputeHash(key, record.Sequence, record.PreviousHash, record.Event), record.Hash, StringComparison.Ordinal))
        {
            return new AuditVerification.Broken(
                expected, "The record's keyed hash does not match its content: a field was edited, or the chain was re-hashed without the audit key.");
        }

        return null;
    }

    private static AuditRecord ReadRecord(SqliteDataReader reader) => new(
        Sequence: reader.GetInt64(0),
        Event: new AuditEvent(
            Type: reader.GetString(1),
            At: reader.GetInstant(2),
            Actor: reader.GetString(3),
            ConversationId: reader.GetNullableString(4),
            CaseId: reader.GetNullableString(5),
            AccountRef: reader.GetNullableString(6),
            DataJson: reader.GetString(7)),
        PreviousHash: reader.GetString(8),
        Hash: reader.GetString(9));
}
