namespace SupportBot.Dialogs.Conversation;

/// <summary>Where a turn's input comes from. Only <see cref="ServiceResult"/> can carry verification outcomes.</summary>
public enum InputKind
{
    /// <summary>The channel opened the conversation (no user text yet).</summary>
    ConversationStarted,

    /// <summary>Something the user typed or clicked.</summary>
    Message,

    /// <summary>The result of an effect the host performed (verification, case, agent events).</summary>
    ServiceResult,
}
