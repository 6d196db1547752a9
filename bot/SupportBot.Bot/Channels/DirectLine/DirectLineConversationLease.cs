namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>Keeps a conversation's in-memory state alive while in use; dispose exactly once.</summary>
internal readonly struct DirectLineConversationLease(DirectLineConversationRegistry registry, DirectLineConversation conversation)
    : IDisposable
{
    public DirectLineConversation Conversation => conversation;

    public void Dispose() => registry.Release(conversation);
}
