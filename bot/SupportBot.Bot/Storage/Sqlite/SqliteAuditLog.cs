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
/// the end of the chain leaves no trace inside it; catching that needs the latest hash kept somewhere else.
/// </para>
/// </remarks>
internal sealed class SqliteAuditLog(SqliteDatabase database) : IAuditLog
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

    public Task<AuditRecord> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentNullException.ThrowIfNull(auditEvent.Type);
        ArgumentNullException.ThrowIfNull(auditEvent.Actor);
        ArgumentNullException.ThrowIfNull(auditEvent.DataJson);

        return _database.WriteAsync(
            "appending to the audit log",
            AuditChain.Normalize(auditEvent),
            static async (session, auditEvent, token) =>
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

                var hash = AuditChain.ComputeHash(sequence, previousHash, auditEvent);
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

    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(
            "verifying the audit log",
            0,
            static async (session, _, token) =>
            {
                // One statement reads one WAL snapshot, so appends made meanwhile cannot look like tampering.
                await using var reader = await session.Command(SelectAllSql).ExecuteReaderAsync(token);
                long expected = 1;
                var previousHash = AuditChain.GenesisHash;
                while (await reader.ReadAsync(token))
                {
                    if (Check(reader, expected, previousHash) is { } broken)
                    {
                        return broken;
                    }

                    previousHash = reader.GetString(9);
                    expected++;
                }

                return (AuditVerification)new AuditVerification.Intact(expected - 1);
            },
            cancellationToken);

    private static AuditVerification.Broken? Check(SqliteDataReader reader, long expected, string previousHash)
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

        if (!string.Equals(AuditChain.ComputeHash(record.Sequence, record.PreviousHash, record.Event), record.Hash, StringComparison.Ordinal))
        {
            return new AuditVerification.Broken(expected, "The record's hash does not match its content: a field was edited.");
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
