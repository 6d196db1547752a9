using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>How a reply is addressed back to the sender of the incoming activity (docs/protocol.md §3, "Reply").</summary>
internal static class ReplyAddressing
{
    /// <summary>
    /// Fills what the bot left out: from and recipient swapped, conversation and locale copied, <c>replyToId</c>
    /// set to the incoming id; stamps the send time and clears any id (the channel assigns it).
    /// </summary>
    public static void Apply(Activity reply, Activity incoming, DateTimeOffset now)
    {
        reply.Type ??= ActivityTypes.Message;
        reply.Id = null;
        reply.Timestamp = now;
        reply.ChannelId ??= incoming.ChannelId;
        reply.Conversation = incoming.Conversation;
        reply.From ??= incoming.Recipient;
        reply.Recipient ??= incoming.From;
        reply.Locale ??= incoming.Locale;
        if (!PostsToConversation(incoming))
        {
            reply.ReplyToId ??= incoming.Id;
        }
    }

    /// <summary>
    /// True when replies go to <c>…/activities</c> rather than <c>…/activities/{replyToId}</c>: a Direct Line
    /// <c>conversationUpdate</c> has no activity to reply to (BBD <c>GetConversationReference</c>), and neither
    /// has an activity without an id.
    /// </summary>
    public static bool PostsToConversation(Activity incoming) =>
        string.IsNullOrEmpty(incoming.Id)
        || (string.Equals(incoming.Type, ActivityTypes.ConversationUpdate, StringComparison.Ordinal)
            && (string.Equals(incoming.ChannelId, "directline", StringComparison.Ordinal)
                || string.Equals(incoming.ChannelId, "webchat", StringComparison.Ordinal)));
}
