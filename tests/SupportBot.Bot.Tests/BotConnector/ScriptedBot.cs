using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Tests.BotConnector;

/// <summary>A bot whose turn is a test's delegate; it records the activities it was given and what sending returned.</summary>
internal sealed class ScriptedBot(Func<ITurnContext, CancellationToken, Task> onTurn) : IBot
{
    public List<Activity> Received { get; } = [];

    public List<ResourceResponse> SendResults { get; } = [];

    /// <summary>Replies "echo: {text}" once.</summary>
    public static ScriptedBot Echo() => Replying(activity => [activity.CreateReply($"echo: {activity.Text}")]);

    /// <summary>Sends whatever <paramref name="replies"/> makes of the incoming activity, in one call.</summary>
    public static ScriptedBot Replying(Func<Activity, IReadOnlyList<Activity>> replies)
    {
        ScriptedBot? bot = null;
        bot = new ScriptedBot(async (context, cancellationToken) =>
        {
            var sent = await context.SendActivitiesAsync(replies(context.Activity), cancellationToken);
            bot!.SendResults.AddRange(sent);
        });
        return bot;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        Received.Add(turnContext.Activity);
        await onTurn(turnContext, cancellationToken);
    }
}
