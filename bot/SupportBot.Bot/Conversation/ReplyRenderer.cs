using System.Text.Json;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Security.OutputFilter;
using SupportBot.Dialogs.Conversation;

namespace SupportBot.Bot.Conversation;

/// <summary>
/// Turns the engine's replies (keys and arguments) into activities in the user's language. Buttons are
/// <c>messageBack</c> actions: the title is shown as the user's message, the value tells the bot exactly what was meant.
/// </summary>
public sealed class ReplyRenderer(ITextRenderer text, OutgoingReplyGuard guard)
{
    public Activity Render(Reply reply, string language, bool withActions)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = text.Render(language, reply.Key, reply.Arguments),
            TextFormat = "markdown",
            Locale = language,
            InputHint = reply.Actions.Count > 0 ? "expectingInput" : "acceptingInput",
        };

        if (withActions && reply.Actions.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = [.. reply.Actions.Select(action => RenderAction(action, language))],
            };
        }

        // Catalog text with its arguments filled in: the output filter sees exactly what the user would (security.md A5).
        return guard.Guard(activity, language, OutgoingReplyGuard.Source.Catalog);
    }

    private CardAction RenderAction(ReplyAction action, string language)
    {
        var title = action.TitleArguments is null
            ? text.Render(action.TitleLanguage ?? language, action.TitleKey)
            : text.Render(action.TitleLanguage ?? language, action.TitleKey, action.TitleArguments);
        return new CardAction
        {
            Type = "messageBack",
            Title = title,
            DisplayText = title,
            Text = title,
            Value = JsonSerializer.SerializeToElement(new { action = action.Value }),
        };
    }
}
