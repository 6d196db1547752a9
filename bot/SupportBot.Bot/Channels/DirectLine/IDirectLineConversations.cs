using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// Sends to a Direct Line conversation from outside a turn: a proactive bot message, or an agent's message once a
/// case is handed over.
/// </summary>
public interface IDirectLineConversations
{
    /// <summary>
    /// Appends <paramref name="activity"/> to the conversation's transcript as a bot message and pushes it to the
    /// user's open stream (a polling client gets it on its next poll).
    /// </summary>
    /// <remarks>
    /// The channel fills in <c>id</c>, <c>timestamp</c>, <c>channelId</c>, <c>conversation</c> and <c>recipient</c>;
    /// <c>from</c> defaults to the bot (a given <c>from.id</c>/<c>name</c>, e.g. an agent's, is kept) and its role is
    /// always <c>bot</c>. The caller's object is not changed. This does not wait for a running turn and may be called
    /// from inside one, but within a turn <see cref="ITurnContext.SendActivitiesAsync"/> is the way to reply.
    /// </remarks>
    /// <returns>The new activity's id, or <see langword="null"/> if there is no such Direct Line conversation.</returns>
    Task<ResourceResponse?> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default);
}
