using SupportBot.Bot.Protocol;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// A Direct Line turn: replies are stamped as the bot's, stored and pushed to the user's stream before
/// <see cref="SendActivitiesAsync"/> returns. Valid only while the turn runs, as in Bot Builder.
/// </summary>
internal sealed class DirectLineTurnContext(
    DirectLineConversations conversations,
    DirectLineConversation state,
    ConversationRecord conversation,
    Activity activity,
    string? replyToId) : ITurnContext
{
    private volatile bool _ended;

    public Activity Activity => activity;

    public Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (_ended)
        {
            throw new InvalidOperationException(
                "The turn has ended; send later messages with IDirectLineConversations.SendToConversationAsync.");
        }

        return conversations.SendFromBotAsync(state, conversation, activities, activity, replyToId, cancellationToken);
    }

    public void End() => _ended = true;
}
