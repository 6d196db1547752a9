using System.Text.Json;
using SupportBot.Bot.Protocol;

namespace SupportBot.Browser.Tests;

/// <summary>
/// A stand-in for the conversation bot with a fixed script, so page tests do not depend on the real flow:
/// <c>hello</c> gets a greeting with two suggested actions; any other message is acknowledged by quoting it.
/// </summary>
/// <remarks>No apostrophes in the script: Web Chat's markdown turns them into typographic quotes.</remarks>
public sealed class ScriptedBot : IBot
{
    public const string Greeting = "Hi! What happened to your account?";
    public const string LockedOut = "I am locked out";
    public const string Hacked = "My account was hacked";

    public static string Acknowledgement(string text) => $"Got it: {text}";

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            return;
        }

        var text = activity.Text.Trim();
        var reply = activity.CreateReply(string.Equals(text, "hello", StringComparison.OrdinalIgnoreCase) ? Greeting : Acknowledgement(text));
        if (reply.Text == Greeting)
        {
            reply.SuggestedActions = new SuggestedActions { Actions = [ImBack(LockedOut), ImBack(Hacked)] };
        }

        await turnContext.SendActivitiesAsync([reply], cancellationToken);
    }

    private static CardAction ImBack(string text) =>
        new() { Type = "imBack", Title = text, Value = JsonSerializer.SerializeToElement(text) };
}
