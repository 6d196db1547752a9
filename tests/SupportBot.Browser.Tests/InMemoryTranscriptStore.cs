using SupportBot.Bot.Storage;

namespace SupportBot.Browser.Tests;

/// <summary>
/// The transcript store <see cref="KestrelBotServer"/> falls back to while the host registers none; once the host
/// registers its SQLite store, the fixture runs that one (in its temporary data directory) instead.
/// </summary>
internal sealed class InMemoryTranscriptStore : ITranscriptStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConversationRecord> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TranscriptEntry>> _entries = new(StringComparer.Ordinal);

    public Task<bool> CreateConversationAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var created = _conversations.TryAdd(conversation.ConversationId, conversation);
            if (created)
            {
                _entries.Add(conversation.ConversationId, []);
            }

            return Task.FromResult(created);
        }
    }

    public Task<ConversationRecord?> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_conversations.GetValueOrDefault(conversationId));
        }
    }

    public Task<IReadOnlyList<long>> AppendAsync(string conversationId, IReadOnlyList<NewTranscriptEntry> entries, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var log = _entries.GetValueOrDefault(conversationId)
                ?? throw new StorageException(StorageFailureReason.Rejected, $"Unknown conversation {conversationId}.");
            var sequences = new List<long>(entries.Count);
            foreach (var entry in entries)
            {
                var sequence = log.Count + 1L;
                log.Add(new TranscriptEntry(conversationId, sequence, entry.Timestamp, entry.ActivityJson));
                sequences.Add(sequence);
            }

            return Task.FromResult<IReadOnlyList<long>>(sequences);
        }
    }

    public Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<TranscriptEntry> page = [.. _entries.GetValueOrDefault(conversationId, []).Where(entry => entry.Sequence > afterSequence).Take(maxCount)];
            return Task.FromResult(page);
        }
    }
}
