namespace SupportBot.Bot.Storage;

/// <summary>
/// Conversations and their append-only, already-redacted activity log. The log doubles as the Direct Line
/// activity store: an entry's sequence number is its watermark and the tail of its activity id.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>Registers a conversation; returns <see langword="false"/> if the id exists already.</summary>
    Task<bool> CreateConversationAsync(ConversationRecord conversation, CancellationToken cancellationToken);

    /// <summary>The conversation, or <see langword="null"/> if unknown.</summary>
    Task<ConversationRecord?> GetConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Appends entries in order; returns their sequence numbers (1, 2, … per conversation, no gaps).</summary>
    Task<IReadOnlyList<long>> AppendAsync(string conversationId, IReadOnlyList<NewTranscriptEntry> entries, CancellationToken cancellationToken);

    /// <summary>Entries with a sequence greater than <paramref name="afterSequence"/>, oldest first, at most <paramref name="maxCount"/>.</summary>
    Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken);
}
