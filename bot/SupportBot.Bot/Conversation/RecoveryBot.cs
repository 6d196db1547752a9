using System.Text.Json;
using Microsoft.Extensions.Logging;
using SupportBot.Bot.Agents;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Countries;
using SupportBot.Bot.Delivery;
using SupportBot.Bot.LanguageChoice;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Verification;
using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Redaction;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Bot.Conversation;

/// <summary>
/// The bot every channel talks to. One turn: load the conversation, understand the message, let the engine
/// decide, perform its effects (feeding their results back to the engine), save, and reply. Failures are caught
/// here, once: the user gets a localised apology and the last saved state stays as it was.
/// </summary>
public sealed partial class RecoveryBot(
    IConversationStateStore states,
    RecoveryEngine engine,
    UtteranceInterpreter interpreter,
    LanguageNegotiator negotiator,
    VerificationService verification,
    CaseService cases,
    ReplyRenderer renderer,
    ISupportAvailability availability,
    SupportedLanguages languages,
    CountryResolver countries,
    CountryDateFormatter dates,
    OutboxDeliveryWorker? delivery,
    Redactor redactor,
    SupportBot.Bot.Security.Audit.VerificationStepAuditor steps,
    TimeProvider timeProvider,
    ILogger<RecoveryBot> logger,
    IAgentHandoff? agents = null,
    SupportBot.Bot.Security.LookupLimits.LookupRateLimiter? lookups = null,
    SupportBot.Bot.Security.BotChallenge.ChallengeLookupGate? challenge = null,
    IHttpContextAccessor? http = null,
    SupportBot.Bot.Llm.LlmIntentAdvisor? llm = null,
    SupportBot.Bot.CodeEntry.CodeEntryGate? codeEntry = null) : IBot
{
    // Effects answer at most a few times in a row (send → sent, check → accepted → case opened).
    private const int MaxStepsPerTurn = 8;
    private readonly ConversationLocks _locks = new();

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId || !IsForTheBot(activity))
        {
            return;
        }

        using var held = await _locks.AcquireAsync(conversationId, cancellationToken);
        try
        {
            if (agents is not null && await agents.TryHandleTurnAsync(turnContext, conversationId, cancellationToken))
            {
                return; // The rating buttons after a case (Agents/).
            }

            await RunTurnAsync(turnContext, conversationId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogTurnFailed(logger, conversationId, exception.GetType().Name, exception);
            var language = languages.Resolve(activity.Locale) ?? languages.Default;
            var apology = renderer.Render(Reply.Of("error.generic"), language, withActions: false);
            await turnContext.SendActivitiesAsync([apology], CancellationToken.None);
        }
    }

    private static bool IsForTheBot(Activity activity) => activity.Type switch
    {
        ActivityTypes.Message => true,
        ActivityTypes.ConversationUpdate => activity.MembersAdded?.Any(member => member.Id != activity.Recipient?.Id) == true,
        ActivityTypes.Event => activity.Name == "webchat/join",
        _ => false,
    };

    private async Task RunTurnAsync(ITurnContext turnContext, string conversationId, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var now = timeProvider.GetUtcNow();
        var stored = await states.GetAsync(conversationId, cancellationToken);
        var state = (stored is null ? null : ConversationStateJson.Deserialize(stored.StateJson))
            ?? new HostConversationState(new ConversationSnapshot { Language = languages.Default }, null, activity.ChannelId ?? "unknown");

        if (activity.Type != ActivityTypes.Message && state.Snapshot.State != RecoveryState.Start)
        {
            return; // A reconnect's join event must not greet a conversation already under way.
        }

        // Explicit choice > channel locale > detected from the text (confirmed when unsure) > country default (SPEC §6).
        // channelData.country > locale region > earlier turns > Countries:Default; before the language, whose last resort is the country's.
        var located = state.Snapshot with { Country = countries.Resolve(activity, stored is null ? null : state.Snapshot.Country) };
        var numberPlan = countries.ProfileOf(located.Country).Phone;
        // A code from the code box goes straight to the verifier; a code typed in chat is set aside (security.md A3).
        var negotiated = codeEntry?.Intercept(located, state.Language, activity, state.ChannelId) ?? (activity.Type == ActivityTypes.Message
            ? negotiator.Message(located, state.Language, activity.Text, ActionValue(activity), activity.Locale, (text, value, language) => interpreter.Interpret(text, value, language, numberPlan))
            : negotiator.Start(located, state.Language, activity.Locale));
        negotiated = codeEntry?.Screen(negotiated, activity, state.ChannelId) ?? negotiated;
        var snapshot = negotiated.Snapshot;

        // The optional LLM may only replace an unsure prediction (Llm/; security.md A1, A2); null when not configured.
        var understood = llm is null ? negotiated.Understanding : await llm.ReconsiderAsync(snapshot, negotiated.Understanding, activity, cancellationToken);
        var redacted = activity.Type == ActivityTypes.Message ? redactor.Redact(activity.Text) : new RedactionResult(string.Empty, []);
        var attached = Privacy.AttachmentGuard.HasAttachments(activity); // G2: files are dropped, the user is told why.
        var input = activity.Type != ActivityTypes.Message ? TurnInput.Started(now, Availability(snapshot, now))
            : attached && string.IsNullOrWhiteSpace(activity.Text) ? null // Only a file: nothing for the engine to read.
            : understood is { } understanding ? TurnInput.Message(understanding, now, Availability(snapshot, now))
            : null;
        input = input is null ? null : input with { OfferedLanguages = languages.All };

        var outgoing = new List<(Reply Reply, string Language)>();
        if (redacted.Found.Contains(SecretKind.Password))
        {
            outgoing.Add((Reply.Of("security.redaction.password"), snapshot.Language));
        }
        else if (redacted.Found.Any(kind => kind != SecretKind.Code))
        {
            outgoing.Add((Reply.Of("redaction.warning"), snapshot.Language));
        }

        if (attached)
        {
            outgoing.Add((Reply.Of(Privacy.AttachmentGuard.RemovedReplyKey), snapshot.Language));
        }

        outgoing.AddRange(negotiated.Replies);

        var session = state.Verification;
        var decisionsSentCode = false;
        for (var step = 0; step < MaxStepsPerTurn && input is not null; step++)
        {
            var before = snapshot.State;
            var decision = engine.Decide(snapshot, input);
            if (challenge is not null && decision.Effects.Any(effect => effect is TurnEffect.StartVerification)
                && await challenge.RefusalAsync(conversationId, cancellationToken) is { } refusal)
            {
                // No bot challenge passed, or this conversation's lookups are used up (security.md D3): no lookup, one reply for every identifier.
                outgoing.Add((Reply.Of(refusal), snapshot.Language));
                break;
            }

            if (lookups is not null && decision.Effects.Any(effect => effect is TurnEffect.StartVerification)
                && !await lookups.TryAcquireAsync(new(state.ChannelId, activity.From?.Id, http?.HttpContext?.Connection.RemoteIpAddress?.ToString()), conversationId, cancellationToken))
            {
                // Over the lookup limit (security.md D3): no lookup, the state stays where it was, one reply for every identifier.
                outgoing.Add((Reply.Of("output-filter.lookup.throttled"), snapshot.Language));
                break;
            }

            decisionsSentCode |= decision.Effects.Any(effect => effect is TurnEffect.SendCode);
            snapshot = decision.Snapshot;
            await steps.RecordAsync(before, snapshot.State, conversationId, session, cancellationToken);
            (input, var performed) = await PerformAsync(decision.Effects, snapshot, session, conversationId, state.ChannelId, attached ? Privacy.AttachmentGuard.MarkedText(redacted.Text) : redacted.Text, cancellationToken);
            session = performed;
            outgoing.AddRange(decision.Replies.SelectMany(verification.WithContactChoices(session)).Select(reply => (reply, snapshot.Language)));
        }

        var replies = outgoing
            .Select((item, index) => renderer.Render(dates.Localize(item.Reply, snapshot.Country, item.Language), item.Language, withActions: index == outgoing.Count - 1))
            .ToList();
        codeEntry?.Attach(replies, snapshot, state.ChannelId);

        var transcript = new List<NewTranscriptEntry>();
        ConversationRecord? unregistered = null;
        if (!turnContext.RecordsTranscript)
        {
            if (stored is null)
            {
                unregistered = new ConversationRecord(conversationId, activity.ChannelId ?? "unknown", activity.From?.Id ?? "unknown", now);
            }

            if (activity.Type == ActivityTypes.Message)
            {
                transcript.Add(new NewTranscriptEntry(now, RedactedJson(activity, redacted.Text)));
            }

            transcript.AddRange(replies.Select(reply => new NewTranscriptEntry(now, JsonSerializer.Serialize(reply, ProtocolJson.Options))));
        }

        var stateJson = ConversationStateJson.Serialize(new HostConversationState(snapshot, session, state.ChannelId, LanguageOf(negotiated.State, snapshot)));
        var saved = unregistered is null
            ? await states.SaveAsync(conversationId, stateJson, stored?.Version ?? 0, transcript, cancellationToken)
            : await states.SaveFirstAsync(unregistered, stateJson, transcript, cancellationToken);
        if (saved is SaveStateResult.Conflict)
        {
            // Another node answered this conversation at the same moment; its answer stands.
            LogConflict(logger, conversationId);
            return;
        }

        await turnContext.SendActivitiesAsync(replies, cancellationToken);

        // The queued message is delivered after the reply has left, not during the turn nor while the response is
        // written: a real send (more work than the discarded twin of an unknown or disabled account) would otherwise
        // share the cores with this very response and make it measurably slower (docs/security.md D2).
        if (decisionsSentCode && delivery is not null)
        {
            if (http?.HttpContext is { } context)
            {
                context.Response.OnCompleted(static worker => { ((OutboxDeliveryWorker)worker).Wake(); return Task.CompletedTask; }, delivery);
            }
            else
            {
                delivery.Wake();
            }
        }
    }

    private async Task<(TurnInput? Next, VerificationSession? Session)> PerformAsync(
        IReadOnlyList<TurnEffect> effects, ConversationSnapshot snapshot, VerificationSession? session, string conversationId, string channelId,
        string redactedText, CancellationToken cancellationToken)
    {
        TurnInput? next = null;
        var now = timeProvider.GetUtcNow();
        foreach (var effect in effects)
        {
            ServiceResult? result = null;
            switch (effect)
            {
                case TurnEffect.StartVerification start:
                    session = await verification.StartAsync(conversationId, start.Identifier, cancellationToken);
                    break;
                case TurnEffect.SendCode send when session is not null:
                    result = await verification.SendCodeAsync(session, conversationId, send.Method, snapshot.Language, cancellationToken);
                    break;
                case TurnEffect.CheckCode check when session is not null:
                    (result, session) = await verification.CheckCodeAsync(session, conversationId, check.Code, cancellationToken);
                    break;
                case TurnEffect.CheckCode:
                    result = new ServiceResult.CodeRejected(0);
                    break;
                case TurnEffect.CheckRecoveryCode check when session is not null:
                    (result, session) = await verification.CheckRecoveryCodeAsync(session, conversationId, check.Code, cancellationToken);
                    break;
                case TurnEffect.CheckRecoveryCode:
                    result = new ServiceResult.CodeRejected(0);
                    break;
                case TurnEffect.OpenCase open when session is { } verified && verified.Proofs.Count >= verified.ProofsRequired:
                    var (caseId, position) = await cases.OpenAsync(
                        conversationId, channelId, snapshot.Language, snapshot.Country, open.Problem.ToLabel(), verified, open.SupportOpen, cancellationToken);
                    result = new ServiceResult.CaseOpened(caseId, position);
                    await (agents?.CaseOpenedAsync(caseId, cancellationToken) ?? Task.CompletedTask);
                    break;
                case TurnEffect.OpenCase:
                    // Defence in depth: the engine asked for a case without recorded proofs. Refuse and say so in the logs.
                    LogCaseRefused(logger, conversationId);
                    break;
                case TurnEffect.CancelCase cancel:
                    await cases.CancelAsync(cancel.CaseId, conversationId, cancellationToken);
                    await (agents?.CaseCancelledAsync(cancel.CaseId, cancellationToken) ?? Task.CompletedTask);
                    break;
                case TurnEffect.ResetVerification:
                    session = null;
                    break;
                case TurnEffect.Audit { EventType: "personal_facts_refused" or "contact_change_refused" } refusal:
                    await verification.RecordRefusalAsync(session, conversationId, refusal.EventType, cancellationToken);
                    break;
                case TurnEffect.RelayToAgent relay:
                    await (agents?.UserMessageAsync(relay.CaseId, redactedText, now, cancellationToken) ?? Task.CompletedTask);
                    break;
                case TurnEffect.Audit:
                    // Audit records are written by the services themselves.
                    break;
            }

            if (result is not null)
            {
                next = TurnInput.FromResult(result, now, Availability(snapshot, now)) with { OfferedLanguages = languages.All };
            }
        }

        return (next, session);
    }

    // A language the engine switched to on request (by name or button) is the user's choice.
    private static LanguageState LanguageOf(LanguageState state, ConversationSnapshot snapshot) =>
        snapshot.LanguageChosen ? state with { Source = LanguageSource.Chosen } : state;

    private SupportAvailability Availability(ConversationSnapshot snapshot, DateTimeOffset now) =>
        availability.Get(snapshot.Country, snapshot.Language, now);

    private static string? ActionValue(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String
            ? action.GetString()
            : null;

    private static string RedactedJson(Activity activity, string redactedText)
    {
        // Only Text, Value, Id and the dropped attachments differ from the received activity, so a shallow copy serializes the same as a deep one.
        var copy = Privacy.AttachmentGuard.Stripped(activity).ShallowCopy();
        copy.Text = Privacy.AttachmentGuard.HasAttachments(activity) ? Privacy.AttachmentGuard.MarkedText(redactedText) : redactedText;
        SupportBot.Bot.CodeEntry.CodeEntryGate.RedactSubmission(copy); // a code from the code box (security.md A3)
        copy.Id = null;
        return JsonSerializer.Serialize(copy, ProtocolJson.Options);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn of conversation {ConversationId} failed ({ErrorType}); the user was sent an apology.")]
    private static partial void LogTurnFailed(ILogger logger, string conversationId, string errorType, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId} was saved by another turn first; this turn's replies were dropped.")]
    private static partial void LogConflict(ILogger logger, string conversationId);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Refused to open a case for conversation {ConversationId}: no recorded verification.")]
    private static partial void LogCaseRefused(ILogger logger, string conversationId);
}
