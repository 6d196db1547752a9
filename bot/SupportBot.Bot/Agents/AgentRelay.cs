using System.Text.Json;
using SupportBot.Bot.Conversation;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Storage;
using SupportBot.Dialogs.Conversation;

namespace SupportBot.Bot.Agents;

/// <summary>
/// The bot's side of the handoff: new cases and user messages go to the consoles (or to the external hub), and the
/// rating buttons shown after a case are answered here, outside the recovery flow.
/// </summary>
internal sealed class AgentRelay(
    ICaseStore cases,
    IAgentStore agents,
    AgentEventHub events,
    HubClient hub,
    ReplyRenderer renderer,
    IAuditLog audit,
    TimeProvider timeProvider) : IAgentHandoff
{
    /// <summary>The prefix of a rating button's value: <c>agent.rate:good</c>.</summary>
    public const string RatePrefix = "agent.rate:";

    public async Task<bool> TryHandleTurnAsync(ITurnContext turnContext, string conversationId, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message
            || activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String
            || action.GetString() is not { } text || !text.StartsWith(RatePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rating = text[RatePrefix.Length..];
        var record = await cases.FindByConversationAsync(conversationId, cancellationToken);
        if (record is null || !AgentOutcomes.Ratings.Contains(rating))
        {
            return false;
        }

        var handling = await agents.GetHandlingAsync(record.CaseId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        if (handling.ResolvedAt is not null && handling.Rating is null)
        {
            await agents.SaveHandlingAsync(handling with { Rating = rating, RatedAt = now }, now, cancellationToken);
            await audit.AppendAsync(
                new AuditEvent("case_rated", now, "user", conversationId, record.CaseId, record.AccountRef, JsonSerializer.Serialize(new { rating })),
                cancellationToken);
            events.Publish(new AgentEvent("case", record.CaseId, record.Language, record.Country, handling.AgentId, new { rating }));
        }

        await turnContext.SendActivitiesAsync([renderer.Render(Reply.Of("agent.rating.thanks"), record.Language, withActions: false)], cancellationToken);
        return true;
    }

    public async Task CaseOpenedAsync(string caseId, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return;
        }

        if (hub.IsConfigured)
        {
            var handling = await agents.GetHandlingAsync(caseId, cancellationToken);
            if (handling.HubState is null)
            {
                var sent = await hub.InitiateAsync(record, cancellationToken);
                var now = timeProvider.GetUtcNow();
                await agents.SaveHandlingAsync(handling with { HubState = sent ? HubStates.Initiated : HubStates.Failed }, now, cancellationToken);
                await audit.AppendAsync(
                    new AuditEvent("handoff_initiated", now, "bot", record.ConversationId, caseId, record.AccountRef, JsonSerializer.Serialize(new { delivered = sent })),
                    cancellationToken);
                if (sent)
                {
                    return; // The hub has it; the built-in console shows it only if the hub fails.
                }
            }
        }

        events.Publish(new AgentEvent("queue", caseId, record.Language, record.Country, null, null));
    }

    public async Task CaseCancelledAsync(string caseId, CancellationToken cancellationToken)
    {
        if (await cases.GetAsync(caseId, cancellationToken) is { } record)
        {
            var handling = await agents.GetHandlingAsync(caseId, cancellationToken);
            events.Publish(new AgentEvent("case", caseId, record.Language, record.Country, handling.AgentId, new { status = record.Status }));
            events.Publish(new AgentEvent("queue", caseId, record.Language, record.Country, null, null));
        }
    }

    public async Task UserMessageAsync(string caseId, string redactedText, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return;
        }

        var handling = await agents.GetHandlingAsync(caseId, cancellationToken);
        events.Publish(new AgentEvent(
            "message", caseId, record.Language, record.Country, handling.AgentId ?? handling.TargetAgentId,
            new { from = "user", text = ContactMasking.Mask(redactedText), at }));
    }
}

/// <summary>Where a case stands with the external hub.</summary>
public static class HubStates
{
    public const string Initiated = "initiated";
    public const string Accepted = "accepted";
    public const string Failed = "failed";
    public const string Completed = "completed";
}
