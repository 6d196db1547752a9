namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// The in-memory state of the conversations in use, counted by lease, so that two requests for one conversation
/// always share its locks. State idle for <see cref="DirectLineConstants.IdleConversationLifetime"/> is dropped;
/// an open stream holds a lease, so its state stays. No global lock is held beyond a dictionary look-up.
/// </summary>
internal sealed class DirectLineConversationRegistry : IDisposable
{
    private readonly Dictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _sweepTimer;

    public DirectLineConversationRegistry(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _sweepTimer = timeProvider.CreateTimer(
            static state => ((DirectLineConversationRegistry)state!).Sweep(),
            this,
            DirectLineConstants.IdleSweepPeriod,
            DirectLineConstants.IdleSweepPeriod);
    }

    /// <summary>How many conversations have in-memory state (for tests and metrics).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _conversations.Count;
            }
        }
    }

    public DirectLineConversationLease Acquire(string conversationId)
    {
        lock (_gate)
        {
            if (!_conversations.TryGetValue(conversationId, out var conversation))
            {
                conversation = new DirectLineConversation(conversationId);
                _conversations.Add(conversationId, conversation);
            }

            conversation.Leases++;
            return new DirectLineConversationLease(this, conversation);
        }
    }

    public void Release(DirectLineConversation conversation)
    {
        lock (_gate)
        {
            if (--conversation.Leases == 0)
            {
                conversation.IdleSince = _timeProvider.GetUtcNow();
            }
        }
    }

    /// <summary>Drops the state of conversations nobody has used for a while.</summary>
    public void Sweep()
    {
        var cutoff = _timeProvider.GetUtcNow() - DirectLineConstants.IdleConversationLifetime;
        lock (_gate)
        {
            foreach (var (id, conversation) in _conversations)
            {
                if (conversation.Leases == 0 && conversation.IdleSince <= cutoff)
                {
                    _conversations.Remove(id);
                }
            }
        }
    }

    public void Dispose() => _sweepTimer.Dispose();
}
