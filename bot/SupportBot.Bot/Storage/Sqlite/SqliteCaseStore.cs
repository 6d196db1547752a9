using Microsoft.Data.Sqlite;

namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>Cases and the agents' queue in SQLite.</summary>
/// <remarks>
/// The queue is ordered by <see cref="CaseRecord.CreatedAt"/>, and by insertion order between cases created in
/// the same instant, so a case keeps its place when it leaves and re-enters the queue.
/// </remarks>
internal sealed class SqliteCaseStore(SqliteDatabase database) : ICaseStore
{
    private const string Columns =
        "case_id, conversation_id, channel_id, language, country, intent, status, account_ref, evidence_json, created_at, updated_at";

    private const string InsertSql =
        $"""
        INSERT INTO cases ({Columns})
        VALUES ($case_id, $conversation_id, $channel_id, $language, $country, $intent, $status, $account_ref, $evidence_json, $created_at, $updated_at);
        """;

    private const string SelectByIdSql = $"SELECT {Columns} FROM cases WHERE case_id = $case_id;";

    private const string SelectByConversationSql =
        $"SELECT {Columns} FROM cases WHERE conversation_id = $conversation_id ORDER BY created_at DESC, id DESC LIMIT 1;";

    private const string ListAllSql = $"SELECT {Columns} FROM cases ORDER BY created_at DESC, id DESC LIMIT $max;";

    private const string ListByStatusSql =
        $"SELECT {Columns} FROM cases WHERE status = $status ORDER BY created_at DESC, id DESC LIMIT $max;";

    private const string TransitionSql =
        """
        UPDATE cases SET status = $new_status, updated_at = $at
        WHERE case_id = $case_id AND status = $expected_status;
        """;

    // The length minus the cases behind: a range of ix_cases_status that is short for the newest cases, which are
    // the ones asked about, where counting the cases ahead would walk the whole queue (migration 2).
    private const string QueuePositionSql =
        """
        SELECT q.queued - (SELECT COUNT(*) FROM cases AS behind
                           WHERE behind.status = 'queued' AND (behind.created_at, behind.id) > (c.created_at, c.id))
        FROM cases AS c, queue_length AS q
        WHERE c.case_id = $case_id AND c.status = 'queued' AND q.only_row = 1;
        """;

    private readonly SqliteDatabase _database = database;

    public Task CreateAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _database.WriteAsync(
            "creating a case",
            record,
            static async (session, record, token) => await session.Command(InsertSql)
                .Bind("$case_id", record.CaseId)
                .Bind("$conversation_id", record.ConversationId)
                .Bind("$channel_id", record.ChannelId)
                .Bind("$language", record.Language)
                .Bind("$country", record.Country)
                .Bind("$intent", record.Intent)
                .Bind("$status", record.Status)
                .Bind("$account_ref", record.AccountRef)
                .Bind("$evidence_json", record.EvidenceJson)
                .Bind("$created_at", record.CreatedAt)
                .Bind("$updated_at", record.UpdatedAt)
                .ExecuteNonQueryAsync(token),
            cancellationToken);
    }

    public Task<CaseRecord?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        return _database.ReadAsync(
            "reading a case",
            caseId,
            static async (session, caseId, token) =>
            {
                await using var reader = await session.Command(SelectByIdSql).Bind("$case_id", caseId).ExecuteReaderAsync(token);
                return await reader.ReadAsync(token) ? ReadCase(reader) : null;
            },
            cancellationToken);
    }

    public Task<CaseRecord?> FindByConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        return _database.ReadAsync(
            "finding a conversation's case",
            conversationId,
            static async (session, conversationId, token) =>
            {
                await using var reader = await session.Command(SelectByConversationSql)
                    .Bind("$conversation_id", conversationId)
                    .ExecuteReaderAsync(token);
                return await reader.ReadAsync(token) ? ReadCase(reader) : null;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<CaseRecord>> ListAsync(string? status, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        if (maxCount == 0)
        {
            return Task.FromResult<IReadOnlyList<CaseRecord>>([]);
        }

        return _database.ReadAsync(
            "listing cases",
            (status, maxCount),
            static async (session, state, token) =>
            {
                var command = state.status is null
                    ? session.Command(ListAllSql)
                    : session.Command(ListByStatusSql).Bind("$status", state.status);
                await using var reader = await command.Bind("$max", state.maxCount).ExecuteReaderAsync(token);
                var cases = new List<CaseRecord>();
                while (await reader.ReadAsync(token))
                {
                    cases.Add(ReadCase(reader));
                }

                return (IReadOnlyList<CaseRecord>)cases;
            },
            cancellationToken);
    }

    public Task<bool> TransitionAsync(
        string caseId, string expectedStatus, string newStatus, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(expectedStatus);
        ArgumentNullException.ThrowIfNull(newStatus);
        return _database.WriteAsync(
            "changing a case's status",
            (caseId, expectedStatus, newStatus, at),
            static async (session, state, token) =>
            {
                var changed = await session.Command(TransitionSql)
                    .Bind("$case_id", state.caseId)
                    .Bind("$expected_status", state.expectedStatus)
                    .Bind("$new_status", state.newStatus)
                    .Bind("$at", state.at)
                    .ExecuteNonQueryAsync(token);
                return changed == 1;
            },
            cancellationToken);
    }

    public Task<int?> GetQueuePositionAsync(string caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        return _database.ReadAsync(
            "reading a case's queue position",
            caseId,
            static async (session, caseId, token) =>
            {
                var position = await session.Command(QueuePositionSql).Bind("$case_id", caseId).ExecuteScalarAsync(token);
                return position is long value ? (int?)checked((int)value) : null;
            },
            cancellationToken);
    }

    private static CaseRecord ReadCase(SqliteDataReader reader) => new(
        CaseId: reader.GetString(0),
        ConversationId: reader.GetString(1),
        ChannelId: reader.GetString(2),
        Language: reader.GetString(3),
        Country: reader.GetString(4),
        Intent: reader.GetString(5),
        Status: reader.GetString(6),
        AccountRef: reader.GetString(7),
        EvidenceJson: reader.GetString(8),
        CreatedAt: reader.GetInstant(9),
        UpdatedAt: reader.GetInstant(10));
}
