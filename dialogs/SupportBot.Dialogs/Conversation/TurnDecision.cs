namespace SupportBot.Dialogs.Conversation;

/// <summary>The engine's answer to one input: the next snapshot, what to say, and what the host must do.</summary>
public sealed record TurnDecision(
    ConversationSnapshot Snapshot,
    IReadOnlyList<Reply> Replies,
    IReadOnlyList<TurnEffect> Effects,
    RecoveryTrigger? Trigger);
