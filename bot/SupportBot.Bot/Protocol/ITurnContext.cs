namespace SupportBot.Bot.Protocol;

/// <summary>
/// One turn: the incoming activity and the way back to the sender, as Bot Builder's <c>ITurnContext</c>.
/// Each channel supplies its own implementation (Direct Line log, <c>expectReplies</c> buffer, connector client).
/// </summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>
    /// Whether the channel itself keeps the conversation's transcript (Direct Line's activity log does); when not,
    /// the bot appends the redacted turn to the transcript together with its state.
    /// </summary>
    bool RecordsTranscript => false;

    /// <summary>Sends activities to the user; ids, timestamps and addressing are filled in by the channel.</summary>
    Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);
}
