namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// The in-memory side of one conversation: its two locks, the last timestamp handed out and the open stream.
/// The transcript store holds everything else, so this can be dropped when idle and rebuilt on next use.
/// </summary>
internal sealed class DirectLineConversation(string conversationId)
{
    public string Id { get; } = conversationId;

    /// <summary>One turn at a time, in arrival order: an incoming activity is stored and answered before the next.</summary>
    public SemaphoreSlim TurnLock { get; } = new(1, 1);

    /// <summary>
    /// Held while stamping, appending and pushing, so timestamps rise and stream frames leave in sequence order.
    /// Separate from <see cref="TurnLock"/> so a proactive send never waits for, or deadlocks with, a running turn.
    /// </summary>
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    // Invariant: the three below are read and written only under WriteLock.
    public bool LastTimestampLoaded { get; set; }

    public DateTimeOffset LastTimestamp { get; set; }

    public DirectLineStreamConnection? Stream { get; set; }

    // Invariant: the two below are read and written only under the registry's gate.
    public int Leases { get; set; }

    public DateTimeOffset IdleSince { get; set; }
}
