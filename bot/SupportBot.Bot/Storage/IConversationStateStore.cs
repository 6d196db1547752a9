namespace SupportBot.Bot.Storage;

/// <summary>
/// Conversation state with optimistic concurrency: a save names the version it read, and loses to any save
/// that happened in between.
/// </summary>
public interface IConversationStateStore
{
    /// <summary>The stored state, or <see langword="null"/> for a conversation never saved.</summary>
    Task<StoredConversationState?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="stateJson"/> if the stored version is still <paramref name="expectedVersion"/>
    /// (0 for a conversation never saved), and in the same transaction appends <paramref name="transcript"/>.
    /// </summary>
    Task<SaveStateResult> SaveAsync(
        string conversationId, string stateJson, long expectedVersion, IReadOnlyList<NewTranscriptEntry> transcript,
        CancellationToken cancellationToken);

    /// <summary>
    /// Registers <paramref name="conversation"/> as <see cref="ITranscriptStore.CreateConversationAsync"/> does and
    /// saves its first state as <see cref="SaveAsync"/> with expected version 0 does, in one transaction.
    /// </summary>
    /// <remarks>
    /// The first turn of a conversation no channel registered needs both; one write instead of two. The registration
    /// is made, or an existing one kept, whether or not the save wins, exactly as calling the two in turn would.
    /// </remarks>
    Task<SaveStateResult> SaveFirstAsync(
        ConversationRecord conversation, string stateJson, IReadOnlyList<NewTranscriptEntry> transcript, CancellationToken cancellationToken);
}
