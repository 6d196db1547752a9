using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Tests.DirectLine.TestSupport;

/// <summary>
/// A transcript store in memory for channel tests: the contract's behaviour (gapless per-conversation sequences,
/// reads after a sequence) and a switch that makes every call fail as an unavailable database would.
/// </summary>
internal sealed class InMemoryTranscriptStore : ITranscriptStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConversationRecord> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TranscriptEntry>> _entries = new(StringComparer.Ordinal);

    /// <summary>While set, every call throws <see cref="StorageException"/> with <see cref="StorageFailureReason.Unavailable"/>.</summary>
    public bool Unavailable { get; set; }

    public Task<bool> CreateConversationAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable(cancellationToken);
        lock (_gate)
        {
            if (!_conversations.TryAdd(conversation.ConversationId, conversation))
            {
                return Task.FromResult(false);
            }

            _entries.Add(conversation.ConversationId, []);
            return Task.FromResult(true);
        }
    }

    public Task<ConversationRecord?> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable(cancellationToken);
        lock (_gate)
        {
            return Task.FromResult(_conversations.GetValueOrDefault(conversationId));
        }
    }

    public Task<IReadOnlyList<long>> AppendAsync(string conversationId, IReadOnlyList<NewTranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable(cancellationToken);
        lock (_gate)
        {
            if (!_entries.TryGetValue(conversationId, out var log))
            {
                throw new StorageException(StorageFailureReason.Rejected, $"Unknown conversation {conversationId}.");
            }

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
        ThrowIfUnavailable(cancellationToken);
        lock (_gate)
        {
            IReadOnlyList<TranscriptEntry> page = _entries.TryGetValue(conversationId, out var log)
                ? [.. log.Where(entry => entry.Sequence > afterSequence).Take(maxCount)]
                : [];
            return Task.FromResult(page);
        }
    }

    /// <summary>Everything stored for a conversation, for assertions.</summary>
    public IReadOnlyList<TranscriptEntry> Entries(string conversationId)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(conversationId, out var log) ? [.. log] : [];
        }
    }

    /// <summary>The number of entries over all conversations, for "nothing was stored" assertions.</summary>
    public int TotalEntries
    {
        get
        {
            lock (_gate)
            {
                return _entries.Values.Sum(log => log.Count);
            }
        }
    }

    private void ThrowIfUnavailable(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Unavailable)
        {
            throw new StorageException(StorageFailureReason.Unavailable, "The test store is switched off.");
        }
    }
}
