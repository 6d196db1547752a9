using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Accounts;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Conversation;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Security.OutputFilter;
using SupportBot.Bot.Storage;
using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Verification;

namespace SupportBot.Bot.Agents;

/// <summary>
/// Everything an agent can do, behind the console and its API: list the queue, open a case, accept, chat, transfer,
/// resolve, return to the bot. Access is decided here for every call (languages, countries, who holds the case);
/// there is no action that changes contacts or skips a check. Every action is audited.
/// </summary>
internal sealed class AgentDesk(
    IAgentStore agents,
    ICaseStore cases,
    RecoveryBot bot,
    UserChannel channel,
    AgentEventHub events,
    ReplyRenderer renderer,
    ITextRenderer text,
    TranscriptExport transcripts,
    IAccountDirectory? directory,
    IAuditLog audit,
    ISupportAvailability availability,
    IOptions<AgentOptions> options,
    TimeProvider timeProvider,
    OutgoingReplyGuard guard,
    Reports.CaseCauseStore causes,
    Security.Hold.SecurityHolds? holds = null)
{
    public const int MaxMessageLength = 2000;

    /// <summary>Suggested replies an agent can send, in the user's language (locales/&lt;lang&gt;/agent.json).</summary>
    public static IReadOnlyList<string> SuggestionKeys { get; } =
    [
        "agent.reply.greeting", "agent.reply.reviewing", "agent.reply.never-share", "agent.reply.secure-email",
        "agent.reply.restored", "agent.reply.anything-else",
    ];

    public async Task<IReadOnlyList<QueueItem>> QueueAsync(AgentAccount agent, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var rows = await agents.ListOpenCasesAsync(cancellationToken);
        var names = (await agents.ListAsync(cancellationToken)).ToDictionary(a => a.AgentId, a => a.DisplayName, StringComparer.Ordinal);
        return rows.Where(row => MaySee(agent, row.Case, row.Handling, now))
            .Select(row => new QueueItem(
                row.Case.CaseId, row.Case.Status, row.Case.Language, row.Case.Country, row.Case.Intent, row.Case.CreatedAt,
                (long)(now - row.Case.CreatedAt).TotalSeconds,
                row.Handling.AgentId is { } holder ? names.GetValueOrDefault(holder, holder) : null,
                row.Handling.AgentId == agent.AgentId,
                row.Handling.TargetLanguage, row.Handling.TargetCountry,
                row.Handling.TargetAgentId is { } target ? names.GetValueOrDefault(target, target) : null,
                row.Case.Status == CaseStatus.AfterHours ? row.Case.CreatedAt + options.Value.HoldVerifiedPlaceFor : null))
            .ToList();
    }

    /// <summary>
    /// An agent came online: users who were told nobody was available, and whose kept place this agent covers, go back
    /// into the queue now that support is open for them, and are told so in their language.
    /// </summary>
    public async Task OpenBacklogAsync(AgentAccount agent, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (record, handling) in await agents.ListOpenCasesAsync(cancellationToken))
        {
            if (record.Status != CaseStatus.AfterHours || !MaySee(agent, record, handling, now)
                || !availability.Get(record.Country, record.Language, now).IsOpen
                || !await cases.TransitionAsync(record.CaseId, CaseStatus.AfterHours, CaseStatus.Queued, now, cancellationToken))
            {
                continue;
            }

            var applied = await bot.ApplyServiceResultsAsync(record.ConversationId, [(new ServiceResult.SupportOpened(), false)], cancellationToken);
            await channel.SendAsync(record.ConversationId, applied?.Replies ?? [], cancellationToken);
            await audit.AppendAsync(
                new AuditEvent("case_requeued", now, "agent:" + agent.AgentId, record.ConversationId, record.CaseId, record.AccountRef, "{}"),
                cancellationToken);
            Publish("queue", record, null);
        }
    }

    public async Task<DeskResult<CaseView>> GetCaseAsync(AgentAccount agent, string caseId, CancellationToken cancellationToken)
    {
        var (record, handling, error) = await LoadAsync(agent, caseId, cancellationToken);
        if (error is not null)
        {
            return DeskResult<CaseView>.Fail(error);
        }

        var now = timeProvider.GetUtcNow();
        var snapshot = await bot.GetSnapshotAsync(record!.ConversationId, cancellationToken);
        var names = (await agents.ListAsync(cancellationToken)).ToDictionary(a => a.AgentId, a => a.DisplayName, StringComparer.Ordinal);
        var lines = (await transcripts.ActivitiesAsync(record.ConversationId, cancellationToken)).Select(ToLine).OfType<ChatLine>().ToList();
        var gloss = !string.Equals(agent.ConsoleLanguage, record.Language, StringComparison.OrdinalIgnoreCase);
        var suggestions = SuggestionKeys
            .Select(key => new Suggestion(key, text.Render(record.Language, key), gloss ? text.Render("en", key) : null))
            .ToList();
        await AuditAsync(agent, "case_opened", record, new { }, cancellationToken);
        return DeskResult<CaseView>.Ok(new CaseView(
            record.CaseId, record.Status, snapshot?.State.ToString(), record.Language, record.Country, record.Intent, record.CreatedAt,
            (long)(now - record.CreatedAt).TotalSeconds,
            await EvidenceAsync(record, cancellationToken),
            handling!.AgentId is { } holder ? names.GetValueOrDefault(holder, holder) : null,
            handling.AgentId == agent.AgentId,
            handling.Outcome, handling.Rating, handling.HubState, lines, suggestions) { SecurityHold = await HoldViewAsync(agent, record, cancellationToken) });
    }

    // B11: the hold and its end, shown to the agent in the console's language; the server checks it again at resolve.
    private async Task<SecurityHoldView?> HoldViewAsync(AgentAccount agent, CaseRecord record, CancellationToken cancellationToken) =>
        holds is not null && await holds.ActiveUntilAsync(record.CaseId, cancellationToken) is { } until
            ? new SecurityHoldView(until, text.Render(agent.ConsoleLanguage, "privacy.hold.console",
                new Dictionary<string, object?> { ["until"] = until.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) }))
            : null;

    public async Task<DeskResult<bool>> AcceptAsync(AgentAccount agent, string caseId, CancellationToken cancellationToken)
    {
        var (record, handling, error) = await LoadAsync(agent, caseId, cancellationToken);
        if (error is not null)
        {
            return DeskResult<bool>.Fail(error);
        }

        if (record!.Status is not (CaseStatus.Queued or CaseStatus.AfterHours) || handling!.HubState is HubStates.Initiated or HubStates.Accepted)
        {
            return DeskResult<bool>.Fail(DeskError.Conflict);
        }

        var now = timeProvider.GetUtcNow();
        if (!await cases.TransitionAsync(caseId, record.Status, CaseStatus.WithAgent, now, cancellationToken))
        {
            return DeskResult<bool>.Fail(DeskError.Conflict); // Another agent was faster, or the user left.
        }

        await agents.SaveHandlingAsync(
            handling with { AgentId = agent.AgentId, AcceptedAt = now, TargetAgentId = null, TargetLanguage = null, TargetCountry = null },
            now, cancellationToken);
        await AuditAsync(agent, "agent_accepted", record, new { waitedSeconds = (long)(now - record.CreatedAt).TotalSeconds }, cancellationToken);
        await JoinAsync(record, agent.DisplayName, cancellationToken);
        Publish("queue", record, agent.AgentId);
        return DeskResult<bool>.Ok(true);
    }

    /// <summary>Runs "an agent joined" through the engine, or, for a transferred case the engine already hands to an agent, says it directly.</summary>
    public async Task JoinAsync(CaseRecord record, string agentName, CancellationToken cancellationToken)
    {
        var snapshot = await bot.GetSnapshotAsync(record.ConversationId, cancellationToken);
        var steps = new List<(ServiceResult, bool)>();
        if (snapshot?.State == RecoveryState.AfterHours)
        {
            steps.Add((new ServiceResult.SupportOpened(), true)); // Into the queue silently; the join says the rest.
        }

        steps.Add((new ServiceResult.AgentJoined(agentName), false));
        var applied = await bot.ApplyServiceResultsAsync(record.ConversationId, steps, cancellationToken);
        var replies = applied?.Replies ?? [];
        if (replies.Count == 0 && applied?.State == RecoveryState.WithAgent)
        {
            var arguments = new Dictionary<string, object?> { ["agentName"] = agentName };
            replies = [renderer.Render(Reply.Of("agent.joined", arguments), applied.Value.Language, withActions: false)];
        }

        await channel.SendAsync(record.ConversationId, replies, cancellationToken);
    }

    public async Task<DeskResult<bool>> SendAsync(AgentAccount agent, string caseId, string? message, CancellationToken cancellationToken)
    {
        message = message?.Trim();
        if (string.IsNullOrEmpty(message) || message.Length > MaxMessageLength)
        {
            return DeskResult<bool>.Fail(DeskError.Invalid);
        }

        var (record, _, error) = await LoadHeldAsync(agent, caseId, cancellationToken);
        if (error is not null)
        {
            return DeskResult<bool>.Fail(error);
        }

        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = message,
            TextFormat = "plain",
            Locale = record!.Language,
            From = new ChannelAccount { Id = agent.AgentId, Name = agent.DisplayName, Role = "bot" },
        };

        // An agent's words are not catalog text: they may ask for a code or show a contact in clear (security.md A5).
        var guarded = guard.Guard(activity, record.Language, OutgoingReplyGuard.Source.Agent);
        var delivered = await channel.SendAsync(record.ConversationId, [guarded], cancellationToken);
        await AuditAsync(agent, "agent_message", record, new { length = message.Length, delivered, blocked = !ReferenceEquals(guarded, activity) }, cancellationToken);
        events.Publish(new AgentEvent("message", caseId, record.Language, record.Country, agent.AgentId,
            new { from = "agent", name = agent.DisplayName, text = message, at = timeProvider.GetUtcNow() }));
        return DeskResult<bool>.Ok(delivered);
    }

    public async Task<DeskResult<bool>> TypingAsync(AgentAccount agent, string caseId, CancellationToken cancellationToken)
    {
        var (record, _, error) = await LoadHeldAsync(agent, caseId, cancellationToken);
        if (error is not null)
        {
            return DeskResult<bool>.Fail(error);
        }

        var typing = new Activity { Type = ActivityTypes.Typing, From = new ChannelAccount { Id = agent.AgentId, Name = agent.DisplayName, Role = "bot" } };
        return DeskResult<bool>.Ok(await channel.SendAsync(record!.ConversationId, [typing], cancellationToken));
    }

    public async Task<DeskResult<bool>> TransferAsync(
        AgentAccount agent, string caseId, string? language, string? country, string? toAgentId, CancellationToken cancellationToken)
    {
        language = string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant();
        country = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant();
        toAgentId = string.IsNullOrWhiteSpace(toAgentId) ? null : toAgentId.Trim();
        if (language is null && country is null && toAgentId is null)
        {
            return DeskResult<bool>.Fail(DeskError.Invalid);
        }

        if ((language is not null && (language.Length is < 2 or > 3 || !language.All(char.IsAsciiLetterLower)))
            || (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
            || (toAgentId is not null && (toAgentId == agent.AgentId || await agents.GetAsync(toAgentId, cancellationToken) is null)))
        {
            return DeskResult<bool>.Fail(DeskError.Invalid);
        }

        var (record, handling, error) = await LoadHeldAsync(agent, caseId, cancellationToken);
        if (error is not null)
        {
            return DeskResult<bool>.Fail(error);
        }

        var now = timeProvider.GetUtcNow();
        if (!await cases.TransitionAsync(caseId, CaseStatus.WithAgent, CaseStatus.Queued, now, cancellationToken))
        {
            return DeskResult<bool>.Fail(DeskError.Conflict);
        }

        await agents.SaveHandlingAsync(
            handling! with { AgentId = null, TargetLanguage = language, TargetCountry = country, TargetAgentId = toAgentId }, now, cancellationToken);
        await AuditAsync(agent, "agent_transferred", record!, new { language, country, toAgent = toAgentId }, cancellationToken);

        // The conversation stays with "an agent": the bot keeps quiet and the next agent sees what the user writes meanwhile.
        await channel.SendAsync(record!.ConversationId, [renderer.Render(Reply.Of("agent.transferred"), record.Language, withActions: false)], cancellationToken);
        Publish("queue", record, null);
        if (toAgentId is not null)
        {
            events.Publish(new AgentEvent("queue", caseId, record.Language, record.Country, toAgentId, null));
        }

        return DeskResult<bool>.Ok(true);
    }

    /// <param name="cause">The suspected takeover cause (<see cref="Reports.TakeoverCauses.Choices"/>), for the F2 report; optional.</param>
    public async Task<DeskResult<bool>> ResolveAsync(AgentAccount agent, string caseId, string? outcome, CancellationToken cancellationToken, string? cause = null)
    {
        cause = string.IsNullOrWhiteSpace(cause) ? null : cause.Trim();
        if (outcome is null || !AgentOutcomes.All.Contains(outcome) || (cause is not null && !Reports.TakeoverCauses.IsChoice(cause)))
        {
            return DeskResult<bool>.Fail(DeskError.Invalid);
        }

        var (record, handling, error) = await LoadHeldAsync(agent, caseId, cancellationToken);
        if (error is not null)
        {
            return DeskResult<bool>.Fail(error);
        }

        // B11: "restored" waits for the end of a security hold (server clock); the user is told when.
        if (outcome == Security.Hold.SecurityHolds.RestoredOutcome && holds is not null && await holds.RefuseRestoreAsync(record!, agent.AgentId, cancellationToken) is not null)
        {
            return DeskResult<bool>.Fail(DeskError.SecurityHold);
        }

        var now = timeProvider.GetUtcNow();
        if (!await cases.TransitionAsync(caseId, CaseStatus.WithAgent, CaseStatus.Resolved, now, cancellationToken))
        {
            return DeskResult<bool>.Fail(DeskError.Conflict);
        }

        await agents.SaveHandlingAsync(handling! with { Outcome = outcome, ResolvedAt = now }, now, cancellationToken);
        if (cause is not null)
        {
            await causes.SaveAsync(caseId, cause, agent.AgentId, now, cancellationToken);
        }

        await AuditAsync(agent, "agent_resolved", record!, new { outcome, cause }, cancellationToken);
        await CloseForUserAsync(record!, outcome, cancellationToken);
        if (outcome == Security.Hold.SecurityHolds.RestoredOutcome)
        {
            await (holds?.RestoredAsync(record!, cancellationToken) ?? Task.CompletedTask); // B11: the platform signs everyone out.
        }
        Publish("case", record!, agent.AgentId);
        return DeskResult<bool>.Ok(true);
    }

    /// <summary>Tells the user the outcome (through the engine) and offers the rating buttons.</summary>
    public async Task CloseForUserAsync(CaseRecord record, string outcome, CancellationToken cancellationToken)
    {
        var applied = await bot.ApplyServiceResultsAsync(record.ConversationId, [(new ServiceResult.CaseResolved(outcome), false)], cancellationToken);
        var language = applied?.Language ?? record.Language;
        var rating = Reply.Of("agent.rating.prompt", [.. AgentOutcomes.Ratings.Select(r => new ReplyAction("agent.rating." + r, AgentRelay.RatePrefix + r))]);
        var replies = new List<Activity>(applied?.Replies ?? []);
        replies.Add(renderer.Render(rating, language, withActions: true));
        await channel.SendAsync(record.ConversationId, replies, cancellationToken);
    }

    public async Task<DeskResult<bool>> ReturnToBotAsync(AgentAccount agent, string caseId, CancellationToken cancellationToken)
    {
        var (record, handling, error) = await LoadHeldAsync(agent, caseId, cancellationToken);
        if (error is not null)
        {
            return DeskResult<bool>.Fail(error);
        }

        var now = timeProvider.GetUtcNow();
        if (!await cases.TransitionAsync(caseId, CaseStatus.WithAgent, CaseStatus.Resolved, now, cancellationToken))
        {
            return DeskResult<bool>.Fail(DeskError.Conflict);
        }

        await agents.SaveHandlingAsync(handling! with { Outcome = "returned_to_bot", ResolvedAt = now }, now, cancellationToken);
        await AuditAsync(agent, "agent_returned_to_bot", record!, new { }, cancellationToken);
        var applied = await bot.ApplyServiceResultsAsync(record!.ConversationId, [(new ServiceResult.AgentLeft(), false)], cancellationToken);
        await channel.SendAsync(record.ConversationId, applied?.Replies ?? [], cancellationToken);
        Publish("case", record, agent.AgentId);
        return DeskResult<bool>.Ok(true);
    }

    public async Task<DeskResult<IReadOnlyList<JsonElement>>> TranscriptAsync(AgentAccount agent, string caseId, CancellationToken cancellationToken)
    {
        var (record, _, error) = await LoadAsync(agent, caseId, cancellationToken);
        if (error is not null)
        {
            return DeskResult<IReadOnlyList<JsonElement>>.Fail(error);
        }

        await AuditAsync(agent, "transcript_exported", record!, new { }, cancellationToken);
        return DeskResult<IReadOnlyList<JsonElement>>.Ok(await transcripts.ActivitiesAsync(record!.ConversationId, cancellationToken));
    }

    /// <summary>Whether an agent may see a case: their languages and countries (or its transfer target), who holds it, the hub, the hold time.</summary>
    public bool MaySee(AgentAccount agent, CaseRecord record, CaseHandling handling, DateTimeOffset now)
    {
        if (handling.AgentId is { } holder)
        {
            return holder == agent.AgentId || agent.IsSupervisor;
        }

        if (record.Status is not (CaseStatus.Queued or CaseStatus.AfterHours or CaseStatus.WithAgent))
        {
            return agent.IsSupervisor;
        }

        if (handling.HubState is HubStates.Initiated or HubStates.Accepted)
        {
            return false; // The external hub has it.
        }

        if (record.Status == CaseStatus.AfterHours && record.CreatedAt + options.Value.HoldVerifiedPlaceFor < now)
        {
            return false; // The kept place ran out.
        }

        if (handling.TargetAgentId is { } target)
        {
            return target == agent.AgentId || agent.IsSupervisor;
        }

        return agent.Covers(handling.TargetLanguage ?? record.Language, handling.TargetCountry ?? record.Country);
    }

    private async Task<(CaseRecord? Record, CaseHandling? Handling, DeskError? Error)> LoadAsync(
        AgentAccount agent, string caseId, CancellationToken cancellationToken)
    {
        if (!CaseIdGenerator.IsValid(caseId) || await cases.GetAsync(caseId, cancellationToken) is not { } record)
        {
            return (null, null, DeskError.NotFound);
        }

        var handling = await agents.GetHandlingAsync(caseId, cancellationToken);
        var visible = MaySee(agent, record, handling, timeProvider.GetUtcNow())
            || (handling.AgentId == agent.AgentId && record.Status == CaseStatus.Resolved);
        if (!visible)
        {
            await AuditAsync(agent, "agent_access_refused", record, new { }, cancellationToken);
            return (null, null, DeskError.Forbidden);
        }

        return (record, handling, null);
    }

    private async Task<(CaseRecord? Record, CaseHandling? Handling, DeskError? Error)> LoadHeldAsync(
        AgentAccount agent, string caseId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(agent, caseId, cancellationToken);
        if (loaded.Error is not null)
        {
            return loaded;
        }

        return loaded.Record!.Status == CaseStatus.WithAgent && loaded.Handling!.AgentId == agent.AgentId
            ? loaded
            : (null, null, DeskError.NotHeld);
    }

    private async Task<Evidence> EvidenceAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(record.EvidenceJson);
        var root = document.RootElement;
        var account = directory is null ? null : await directory.FindByIdAsync(record.AccountRef, cancellationToken);
        var checks = root.TryGetProperty("checks", out var list)
            ? list.EnumerateArray().Select(check =>
            {
                var contactId = check.GetProperty("contact").GetString();
                var contact = account?.Contacts.FirstOrDefault(c => c.ContactId == contactId);
                return new EvidenceCheck(
                    check.GetProperty("method").GetString() ?? "?",
                    contact is null ? "•••" : ContactMask.Mask(contact.Kind, contact.Address),
                    check.GetProperty("contactOnFileSince").GetDateTimeOffset(),
                    check.GetProperty("passedAt").GetDateTimeOffset());
            }).ToList()
            : [];
        var risks = root.TryGetProperty("riskSignals", out var signals) ? signals.EnumerateArray().Select(s => s.GetString() ?? "?").ToList() : [];
        return new Evidence(
            root.TryGetProperty("verifiedAt", out var at) ? at.GetDateTimeOffset() : record.CreatedAt,
            root.TryGetProperty("proofsRequired", out var required) ? required.GetInt32() : 1,
            checks, risks);
    }

    private static ChatLine? ToLine(JsonElement activity)
    {
        if (!activity.TryGetProperty("type", out var type) || type.GetString() != ActivityTypes.Message)
        {
            return null;
        }

        var textValue = activity.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? string.Empty : string.Empty;
        var at = activity.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.String ? ts.GetDateTimeOffset() : (DateTimeOffset?)null;
        string fromId = string.Empty, role = string.Empty, name = string.Empty;
        if (activity.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object)
        {
            fromId = from.TryGetProperty("id", out var id) ? id.GetString() ?? string.Empty : string.Empty;
            role = from.TryGetProperty("role", out var r) ? r.GetString() ?? string.Empty : string.Empty;
            name = from.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
        }

        var who = fromId.StartsWith("ag_", StringComparison.Ordinal) ? "agent"
            : role == "bot" || fromId.Length == 0 ? "bot"
            : "user";
        return new ChatLine(who, who == "agent" ? name : null, textValue, at);
    }

    private void Publish(string type, CaseRecord record, string? agentId) =>
        events.Publish(new AgentEvent(type, record.CaseId, record.Language, record.Country, null, new { agent = agentId }));

    private Task AuditAsync(AgentAccount agent, string action, CaseRecord record, object data, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            new AuditEvent(action, timeProvider.GetUtcNow(), "agent:" + agent.AgentId, record.ConversationId, record.CaseId, record.AccountRef,
                JsonSerializer.Serialize(data)),
            cancellationToken);
}
