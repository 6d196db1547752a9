using System.Text.Json;
using SupportBot.Bot.Channels.BotConnector;
using SupportBot.Bot.Channels.DirectLine;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Agents;

/// <summary>
/// Sends to a user outside a turn, through the channel they wrote from: Direct Line (Web Chat) through its own
/// activity log and stream, Bot Connector channels through the <c>serviceUrl</c> of their last message. The
/// transcript gets the message either way.
/// </summary>
internal sealed partial class UserChannel(
    ITranscriptStore transcripts,
    IServiceProvider services,
    TimeProvider timeProvider,
    ILogger<UserChannel> logger)
{
    /// <summary>Sends the activities in order; returns whether the channel took them (the transcript keeps them regardless).</summary>
    public async Task<bool> SendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return true;
        }

        if (services.GetService<IDirectLineConversations>() is { } directLine)
        {
            var delivered = true;
            foreach (var activity in activities)
            {
                delivered &= await directLine.SendToConversationAsync(conversationId, activity, cancellationToken) is not null;
                if (!delivered)
                {
                    break;
                }
            }

            if (delivered)
            {
                return true;
            }
        }

        return await SendThroughConnectorAsync(conversationId, activities, cancellationToken);
    }

    private async Task<bool> SendThroughConnectorAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var incoming = await LastUserActivityAsync(conversationId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var stored = activities.Where(a => a.Type != ActivityTypes.Typing)
            .Select(a => new NewTranscriptEntry(now, JsonSerializer.Serialize(a, ProtocolJson.Options)))
            .ToList();
        if (stored.Count > 0)
        {
            await transcripts.AppendAsync(conversationId, stored, cancellationToken);
        }

        if (incoming is null || string.IsNullOrEmpty(incoming.ServiceUrl) || services.GetService<ConnectorClient>() is not { } connector)
        {
            LogNoRoute(logger, conversationId);
            return false;
        }

        try
        {
            foreach (var activity in activities)
            {
                activity.Conversation = incoming.Conversation;
                activity.ChannelId = incoming.ChannelId;
                activity.Recipient = incoming.From;
                activity.From ??= incoming.Recipient;
                activity.Timestamp = now;
                await connector.SendAsync(incoming.ServiceUrl, conversationId, null, activity, cancellationToken);
            }

            return true;
        }
        catch (ConnectorException exception)
        {
            LogConnectorFailed(logger, conversationId, exception.Message);
            return false;
        }
    }

    /// <summary>The newest activity the user sent, for its channel, addresses and <c>serviceUrl</c>.</summary>
    public async Task<Activity?> LastUserActivityAsync(string conversationId, CancellationToken cancellationToken)
    {
        Activity? last = null;
        long after = 0;
        while (true)
        {
            var page = await transcripts.ReadAsync(conversationId, after, 500, cancellationToken);
            foreach (var entry in page)
            {
                var activity = JsonSerializer.Deserialize<Activity>(entry.ActivityJson, ProtocolJson.Options);
                if (activity is { Type: ActivityTypes.Message, From.Id: not null, ServiceUrl: not null } && activity.From.Role != "bot")
                {
                    last = activity;
                }
            }

            if (page.Count < 500)
            {
                return last;
            }

            after = page[^1].Sequence;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId} has no channel to send to; the message is kept in its transcript.")]
    private static partial void LogNoRoute(ILogger logger, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The channel of conversation {ConversationId} refused a message: {Reason}")]
    private static partial void LogConnectorFailed(ILogger logger, string conversationId, string reason);
}
