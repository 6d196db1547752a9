using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>The answer to an <c>expectReplies</c> activity: <c>{"activities":[…]}</c> (Bot Framework <c>ExpectedReplies</c>).</summary>
internal sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
