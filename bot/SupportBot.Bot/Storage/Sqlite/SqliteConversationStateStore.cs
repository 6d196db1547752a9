namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>Conversation state in SQLite, saved with its transcript entries in one transaction.</summary>
/// <remarks>
/// This is the hot path (one read and one save per turn), so the save is one conditional statement plus the
/// transcript inserts, all on the writer's compiled statements.
/// </remarks>
internal sealed class SqliteConversationStateStore(SqliteDatabase database, TimeProvider timeProvider) : IConversationStateStore
{
    private const string SelectSql =
        "SELECT state_json, version, updated_at FROM conversation_state WHERE conversation_id = $conversation_id;";

    private const string InsertSql =
        """
        INSERT INTO conversation_state (conversation_id, state_json, version, updated_at)
        VALUES ($conversation_id, $state_json, 1, $updated_at)
        ON CONFLICT (conversation_id) DO NOTHING;
        """;

    private const string UpdateSql =
        """
        UPDATE conversation_state
        SET state_json = $state_json, version = version + 1, updated_at = $updated_at
        WHERE conversation_id = $conversation_id AND version = $expected_version;
        """;

    private const string SelectVersionSql =
        "SELECT COALESCE((SELECT version FROM conversation_state WHERE conversation_id = $conversation_id), 0);";

    private readonly SqliteDatabase _database = database;
    private readonly TimeProvider _timeProvider = timeProvider;

    public Task<StoredConversationState?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        return _database.ReadAsync(
            "reading conversation state",
            conversationId,
            static async (session, conversationId, token) =>
            {
                await using var reader = await session.Command(SelectSql)
                    .Bind("$conversation_id", conversationId)
                    .ExecuteReaderAsync(token);
                return await reader.ReadAsync(token)
                    ? new StoredConversationState(conversationId, reader.GetString(0), reader.GetInt64(1), reader.GetInstant(2))
                    : null;
            },
            cancellationToken);
    }

    public Task<SaveStateResult> SaveAsync(
        string conversationId, string stateJson, long expectedVersion, IReadOnlyList<NewTranscriptEntry> transcript,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(stateJson);
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);

        var state = new SaveArguments(conversationId, stateJson, expectedVersion, transcript, _timeProvider.GetUtcNow());
        return _database.WriteAsync("saving conversation state", state, SaveInTransactionAsync, cancellationToken);
    }

    public Task<SaveStateResult> SaveFirstAsync(
        ConversationRecord conversation, string stateJson, IReadOnlyList<NewTranscriptEntry> transcript, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(stateJson);
        ArgumentNullException.ThrowIfNull(transcript);

        var state = (conversation, save: new SaveArguments(conversation.ConversationId, stateJson, 0, transcript, _timeProvider.GetUtcNow()));
        return _database.WriteAsync(
            "saving a new conversation's state",
            state,
            static async (session, state, token) =>
            {
                // A conflict returns normally, so the registration commits either way, as the two calls in turn would.
                await SqliteTranscriptStore.RegisterInTransactionAsync(session, state.conversation, token);
                return await SaveInTransactionAsync(session, state.save, token);
            },
            cancellationToken);
    }

    private static async Task<SaveStateResult> SaveInTransactionAsync(SqliteSession session, SaveArguments save, CancellationToken cancellationToken)
    {
        var command = save.ExpectedVersion == 0
            ? session.Command(InsertSql)
            : session.Command(UpdateSql).Bind("$expected_version", save.ExpectedVersion);
        var changed = await command
            .Bind("$conversation_id", save.ConversationId)
            .Bind("$state_json", save.StateJson)
            .Bind("$updated_at", save.At)
            .ExecuteNonQueryAsync(cancellationToken);

        if (changed == 0)
        {
            // Lost to another save: write nothing, and tell the caller what it lost to.
            var current = (long)(await session.Command(SelectVersionSql)
                .Bind("$conversation_id", save.ConversationId)
                .ExecuteScalarAsync(cancellationToken))!;
            return new SaveStateResult.Conflict(current);
        }

        var sequences = await SqliteTranscriptStore.AppendInTransactionAsync(session, save.ConversationId, save.Transcript, cancellationToken);
        return new SaveStateResult.Saved(save.ExpectedVersion + 1, sequences);
    }

    private readonly record struct SaveArguments(
        string ConversationId, string StateJson, long ExpectedVersion, IReadOnlyList<NewTranscriptEntry> Transcript, DateTimeOffset At);
}
