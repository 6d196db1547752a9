using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Agents;

/// <summary>What the bot tells the agent side during a turn: a case opened, a message for the agent, a rating.</summary>
public interface IAgentHandoff
{
    /// <summary>Handles a turn that belongs to the agent side (the rating buttons after a case); returns whether it did.</summary>
    Task<bool> TryHandleTurnAsync(ITurnContext turnContext, string conversationId, CancellationToken cancellationToken);

    /// <summary>A verified case was opened or found: tell the consoles, or hand it to the external hub.</summary>
    Task CaseOpenedAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The user stopped or started over: the case left the queue (or the agent holding it).</summary>
    Task CaseCancelledAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The user wrote while an agent holds (or is about to hold) the case; <paramref name="redactedText"/> is already redacted.</summary>
    Task UserMessageAsync(string caseId, string redactedText, DateTimeOffset at, CancellationToken cancellationToken);
}
