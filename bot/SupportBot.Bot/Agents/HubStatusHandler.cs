using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Agents;

/// <summary>
/// <c>POST /api/hub/activities</c>: <c>handoff.status</c> events from the external hub (docs/protocol.md §4).
/// <c>accepted</c> hands the user to the hub's agent (the bot stays silent), <c>completed</c> closes the case,
/// <c>failed</c> puts it in the built-in console's queue. Calls must carry the hub's bearer secret.
/// </summary>
internal sealed class HubStatusHandler(
    IOptions<AgentOptions> options,
    ICaseStore cases,
    IAgentStore agents,
    AgentDesk desk,
    AgentEventHub events,
    ITextRenderer text,
    IAuditLog audit,
    TimeProvider timeProvider)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var hub = options.Value.Hub;
        if (!hub.IsConfigured || string.IsNullOrEmpty(hub.Secret) || !HasSecret(request, hub.Secret))
        {
            return TypedResults.Problem(title: "The request is not authorized.", statusCode: StatusCodes.Status401Unauthorized);
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(request.Body, ProtocolJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return TypedResults.Problem(title: "The request body is not an activity.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (activity is not { Type: ActivityTypes.Event, Name: "handoff.status" } || activity.Conversation?.Id is not { Length: > 0 } conversationId
            || activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("state", out var stateElement) || stateElement.GetString() is not { } state)
        {
            return TypedResults.Problem(title: "Expected a handoff.status event with a conversation and value.state.", statusCode: StatusCodes.Status400BadRequest);
        }

        var record = await cases.FindByConversationAsync(conversationId, cancellationToken);
        if (record is null)
        {
            return TypedResults.Problem(title: "No case for this conversation.", statusCode: StatusCodes.Status404NotFound);
        }

        var handling = await agents.GetHandlingAsync(record.CaseId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var message = value.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        switch (state)
        {
            case "accepted" when handling.HubState == HubStates.Initiated:
                if (!await cases.TransitionAsync(record.CaseId, record.Status, Cases.CaseStatus.WithAgent, now, cancellationToken))
                {
                    return TypedResults.Conflict();
                }

                await agents.SaveHandlingAsync(handling with { HubState = HubStates.Accepted, AcceptedAt = now }, now, cancellationToken);
                await desk.JoinAsync(record, text.Render(record.Language, "agent.hub.agent-name"), cancellationToken);
                break;
            case "completed" when handling.HubState == HubStates.Accepted:
                if (!await cases.TransitionAsync(record.CaseId, Cases.CaseStatus.WithAgent, Cases.CaseStatus.Resolved, now, cancellationToken))
                {
                    return TypedResults.Conflict();
                }

                var outcome = message is not null && AgentOutcomes.All.Contains(message) ? message : "other";
                await agents.SaveHandlingAsync(handling with { HubState = HubStates.Completed, Outcome = outcome, ResolvedAt = now }, now, cancellationToken);
                await desk.CloseForUserAsync(record, outcome, cancellationToken);
                break;
            case "failed" when handling.HubState is HubStates.Initiated or HubStates.Accepted:
                if (record.Status == Cases.CaseStatus.WithAgent)
                {
                    await cases.TransitionAsync(record.CaseId, Cases.CaseStatus.WithAgent, Cases.CaseStatus.Queued, now, cancellationToken);
                }

                await agents.SaveHandlingAsync(handling with { HubState = HubStates.Failed }, now, cancellationToken);
                events.Publish(new AgentEvent("queue", record.CaseId, record.Language, record.Country, null, null));
                break;
            case "accepted" or "completed" or "failed":
                return TypedResults.Conflict(); // Late or repeated: nothing to do, and the hub learns so.
            default:
                return TypedResults.Problem(title: "value.state must be accepted, failed or completed.", statusCode: StatusCodes.Status400BadRequest);
        }

        await audit.AppendAsync(
            new AuditEvent("handoff_status", now, "hub", record.ConversationId, record.CaseId, record.AccountRef, JsonSerializer.Serialize(new { state })),
            cancellationToken);
        return TypedResults.Ok();
    }

    private static bool HasSecret(HttpRequest request, string secret)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(header[prefix.Length..])), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }
}
