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

    private const string SelectAllSql = $"SELECT {Columns} FROM audit_log ORDER BY sequence;";

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
                // One statement reads one WAL snapshot, so appends made meanwhile cannot look like tampering.
                await using var reader = await session.Command(SelectAllSql).ExecuteReaderAsync(token);
                long expected = 1;
                var previousHash = AuditChain.GenesisHash;
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

                var count = expected - 1;
                if (state.Head is { } head && head.Sequence > count)
                {
                    return new AuditVerification.Broken(
                        count + 1, $"The log ends at record {count} but its anchor says it reached record {head.Sequence}: records were cut off the end.");
                }

                if (state.Anchored && state.Head is null && count > 0)
                {
                    return new AuditVerification.Broken(1, "The audit anchor is missing although the log has records: it was deleted, or the log was copied without it.");
                }

                return (AuditVerification)new AuditVerification.Intact(count);
            },
            cancellationToken);
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
