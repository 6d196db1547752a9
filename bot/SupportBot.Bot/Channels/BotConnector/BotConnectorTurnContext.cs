using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>
/// One turn on <c>/api/messages</c>. Replies are addressed back to the sender, then either buffered for an
/// <c>expectReplies</c> answer or posted to the channel's service URL as they are sent.
/// </summary>
/// <remarks>An <c>invokeResponse</c> from the bot is never sent: it becomes the HTTP answer to an <c>invoke</c>.</remarks>
internal sealed class BotConnectorTurnContext(
    Activity activity,
    ConnectorClient connectorClient,
    TimeProvider timeProvider) : ITurnContext
{
    private List<Activity>? _bufferedReplies;

    public Activity Activity => activity;

    /// <summary>True when the caller asked for the replies in the HTTP answer (<c>deliveryMode: expectReplies</c>).</summary>
    public bool ExpectsReplies { get; } =
        string.Equals(activity.DeliveryMode, BotConnectorConstants.ExpectRepliesDeliveryMode, StringComparison.OrdinalIgnoreCase);

    /// <summary>The replies kept for an <c>expectReplies</c> answer, in the order sent.</summary>
    public IReadOnlyList<Activity> BufferedReplies => _bufferedReplies ?? [];

    /// <summary>The bot's <c>invokeResponse</c>, if it sent one.</summary>
    public Activity? InvokeResponse { get; private set; }

    /// <inheritdoc/>
    /// <remarks>
    /// Buffered replies get no id (the caller's channel assigns ids), so their responses carry an empty one.
    /// </remarks>
    /// <exception cref="ConnectorException">The channel refused a reply.</exception>
    public async Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var reply = activities[i];
            ReplyAddressing.Apply(reply, activity, timeProvider.GetUtcNow());
            if (string.Equals(reply.Type, BotConnectorConstants.InvokeResponseType, StringComparison.Ordinal))
            {
                InvokeResponse = reply;
                responses[i] = new ResourceResponse(string.Empty);
            }
            else if (ExpectsReplies)
            {
                (_bufferedReplies ??= []).Add(reply);
                responses[i] = new ResourceResponse(string.Empty);
            }
            else
            {
                var response = await connectorClient.SendAsync(
                    activity.ServiceUrl!,
                    activity.Conversation!.Id!,
                    ReplyAddressing.PostsToConversation(activity) ? null : reply.ReplyToId,
                    reply,
                    cancellationToken).ConfigureAwait(false);
                reply.Id = response.Id.Length == 0 ? null : response.Id;
                responses[i] = response;
            }
        }

        return responses;
    }
}
