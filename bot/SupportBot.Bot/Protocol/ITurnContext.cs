namespace SupportBot.Bot.Protocol;

/// <summary>
/// One turn: the incoming activity and the way back to the sender, as Bot Builder's <c>ITurnContext</c>.
/// Each channel supplies its own implementation (Direct Line log, <c>expectReplies</c> buffer, connector client).
/// </summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>Sends activities to the user; ids, timestamps and addressing are filled in by the channel.</summary>
    Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);
}
