using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>Either the activity in a request body or the reason there is none.</summary>
internal readonly record struct ActivityReadResult(Activity? Activity, ActivityReadError Error)
{
    public static ActivityReadResult Failure(ActivityReadError error) => new(null, error);
}
