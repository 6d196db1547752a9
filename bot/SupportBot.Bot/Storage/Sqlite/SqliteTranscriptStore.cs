namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>Conversations and their append-only activity log in SQLite.</summary>
/// <remarks>
/// Sequence numbers are taken inside the writer's <c>BEGIN IMMEDIATE</c> transaction (highest so far + 1), so
/// concurrent appends, even from another process, get distinct numbers with no gaps. Triggers refuse any
/// UPDATE or DELETE on the table.
/// </remarks>
internal sealed class SqliteTranscriptStore(SqliteDatabase database) : ITranscriptStore
{
    private const string InsertConversationSql =
        """
        INSERT INTO conversations (conversation_id, channel_id, user_id, created_at)
        VALUES ($conversation_id, $channel_id, $user_id, $created_at)
        ON CONFLICT (conversation_id) DO NOTHING;
        """;

    private const string SelectConversationSql =
        "SELECT channel_id, user_id, created_at FROM conversations WHERE conversation_id = $conversation_id;";

    private const string LastSequenceSql =
        "SELECT COALESCE(MAX(sequence), 0) FROM transcript WHERE conversation_id = $conversation_id;";

    private const string InsertEntrySql =
        """
        INSERT INTO transcript (conversation_id, sequence, timestamp, activity_json)
        VALUES ($conversation_id, $sequence, $timestamp, $activity_json);
        """;

    private const string SelectEntriesSql =
        """
        SELECT sequence, timestamp, activity_json FROM transcript
        WHERE conversation_id = $conversation_id AND sequence > $after
        ORDER BY sequence
        LIMIT $max;
        """;

    private readonly SqliteDatabase _database = database;

    public Task<bool> CreateConversationAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return _database.WriteAsync(
            "registering a conversation",
            conversation,
            static (session, conversation, token) => RegisterInTransactionAsync(session, conversation, token),
            cancellationToken);
    }

    public Task<ConversationRecord?> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        return _database.ReadAsync(
            "reading a conversation",
            conversationId,
            static async (session, conversationId, token) =>
            {
                await using var reader = await session.Command(SelectConversationSql)
                    .Bind("$conversation_id", conversationId)
                    .ExecuteReaderAsync(token);
                return await reader.ReadAsync(token)
                    ? new ConversationRecord(conversationId, reader.GetString(0), reader.GetString(1), reader.GetInstant(2))
                    : null;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<long>> AppendAsync(
        string conversationId, IReadOnlyList<NewTranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<long>>([]);
        }

        return _database.WriteAsync(
            "appending to a transcript",
            (conversationId, entries),
            static (session, state, token) => AppendInTransactionAsync(session, state.conversationId, state.entries, token),
            cancellationToken);
    }

    public Task<IReadOnlyList<TranscriptEntry>> ReadAsync(
        string conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        if (maxCount == 0)
        {
            return Task.FromResult<IReadOnlyList<TranscriptEntry>>([]);
        }

        return _database.ReadAsync(
            "reading a transcript",
            (conversationId, afterSequence, maxCount),
            static async (session, state, token) =>
            {
                await using var reader = await session.Command(SelectEntriesSql)
                    .Bind("$conversation_id", state.conversationId)
                    .Bind("$after", state.afterSequence)
                    .Bind("$max", state.maxCount)
                    .ExecuteReaderAsync(token);
                var entries = new List<TranscriptEntry>();
                while (await reader.ReadAsync(token))
                {
                    entries.Add(new TranscriptEntry(state.conversationId, reader.GetInt64(0), reader.GetInstant(1), reader.GetString(2)));
                }

                return (IReadOnlyList<TranscriptEntry>)entries;
            },
            cancellationToken);
    }

    /// <summary>Registers a conversation inside the caller's write transaction; returns whether it was new.</summary>
    internal static async Task<bool> RegisterInTransactionAsync(
        SqliteSession session, ConversationRecord conversation, CancellationToken cancellationToken)
    {
        var inserted = await session.Command(InsertConversationSql)
            .Bind("$conversation_id", conversation.ConversationId)
            .Bind("$channel_id", conversation.ChannelId)
            .Bind("$user_id", conversation.UserId)
            .Bind("$created_at", conversation.CreatedAt)
            .ExecuteNonQueryAsync(cancellationToken);
        return inserted == 1;
    }

    /// <summary>Appends <paramref name="entries"/> inside the caller's write transaction; shared with the state store's save.</summary>
    internal static async Task<IReadOnlyList<long>> AppendInTransactionAsync(
        SqliteSession session, string conversationId, IReadOnlyList<NewTranscriptEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        var last = (long)(await session.Command(LastSequenceSql)
            .Bind("$conversation_id", conversationId)
            .ExecuteScalarAsync(cancellationToken))!;

        var insert = session.Command(InsertEntrySql).Bind("$conversation_id", conversationId);
        var sequences = new long[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentException("Transcript entries must not be null.", nameof(entries));
            sequences[i] = last + 1 + i;
            await insert
                .Bind("$sequence", sequences[i])
                .Bind("$timestamp", entry.Timestamp)
                .Bind("$activity_json", entry.ActivityJson)
                .ExecuteNonQueryAsync(cancellationToken);
        }

        return sequences;
    }
}
