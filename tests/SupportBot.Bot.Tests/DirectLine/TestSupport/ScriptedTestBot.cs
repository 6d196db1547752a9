using System.Collections.Concurrent;
using System.Text.Json;
using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Tests.DirectLine.TestSupport;

/// <summary>
/// A bot with a fixed script, for channel tests: greets on conversationUpdate, answers "you said: …" with suggested
/// actions, throws on "boom", sends typing then a message on "typing". <see cref="Script"/> replaces all of that
/// for one test. It records what it received and how many turns ever ran at once.
/// </summary>
internal sealed class ScriptedTestBot : IBot
{
    public const string Greeting = "Welcome! How can I help with your account?";
    public const string FailureDetail = "scripted failure: secret internal detail";

    private int _running;
    private int _maxConcurrentTurns;

    public ConcurrentQueue<Activity> Received { get; } = new();

    /// <summary>When set, runs instead of the default script.</summary>
    public Func<ITurnContext, CancellationToken, Task>? Script { get; set; }

    public int MaxConcurrentTurns => Volatile.Read(ref _maxConcurrentTurns);

    public static string ReplyTo(string text) => "you said: " + text;

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        Received.Enqueue(turnContext.Activity);
        var running = Interlocked.Increment(ref _running);
        int max;
        while (running > (max = Volatile.Read(ref _maxConcurrentTurns))
            && Interlocked.CompareExchange(ref _maxConcurrentTurns, running, max) != max)
        {
        }

        try
        {
            await (Script ?? DefaultScriptAsync)(turnContext, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static async Task DefaultScriptAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(member => member.Role != "bot") == true:
                await turnContext.SendActivitiesAsync([new Activity { Type = ActivityTypes.Message, Text = Greeting }], cancellationToken);
                break;
            case ActivityTypes.Message when activity.Text == "boom":
                throw new InvalidOperationException(FailureDetail);
            case ActivityTypes.Message when activity.Text == "typing":
                await turnContext.SendActivitiesAsync(
                    [new Activity { Type = ActivityTypes.Typing }, activity.CreateReply("done typing")], cancellationToken);
                break;
            case ActivityTypes.Message:
                var reply = activity.CreateReply(ReplyTo(activity.Text ?? ""));
                reply.SuggestedActions = new SuggestedActions
                {
                    To = [activity.From!.Id!],
                    Actions =
                    [
                        new CardAction { Title = "Reset my password", Value = JsonSerializer.SerializeToElement("reset password") },
                        new CardAction { Title = "Talk to a person", Value = JsonSerializer.SerializeToElement("agent") },
                    ],
                };
                await turnContext.SendActivitiesAsync([reply], cancellationToken);
                break;
            case ActivityTypes.Event:
                await turnContext.SendActivitiesAsync([activity.CreateReply("event " + activity.Name)], cancellationToken);
                break;
        }
    }
}
