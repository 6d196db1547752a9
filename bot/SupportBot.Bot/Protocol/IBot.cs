namespace SupportBot.Bot.Protocol;

/// <summary>Handles one incoming activity; the same shape as Bot Builder's <c>IBot</c>.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
