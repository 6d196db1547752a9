using SupportBot.Dialogs.StateMachine;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Dialogs.Conversation;

/// <summary>
/// The recovery conversation, declared in one place (SPEC §4): which trigger moves which state where, under
/// which guard, and what each step says and asks the host to do. The README's diagram is generated from this
/// table, and a test walks every state × trigger pair so none is left undecided.
/// </summary>
/// <remarks>
/// Invariants kept by the table itself: <see cref="RecoveryState.Queued"/> is entered only from
/// <see cref="RecoveryState.Verified"/> (or its substate <see cref="RecoveryState.AfterHours"/>), and
/// <see cref="RecoveryState.Verified"/> only on <see cref="RecoveryTrigger.CodeAccepted"/>, a trigger that only a
/// verification service result can produce, guarded by the proofs that result carries.
/// An instance serves one turn at a time (<see cref="Bind"/>); it is not thread-safe.
/// </remarks>
internal sealed class RecoveryFlow
{
    private static readonly RecoveryState[] s_conversationStates =
        Enum.GetValues<RecoveryState>().Where(state => state != RecoveryState.Verification).ToArray();

    private static readonly RecoveryTrigger[] s_serviceTriggers =
    [
        RecoveryTrigger.CodeSent, RecoveryTrigger.CodeSendThrottled, RecoveryTrigger.CodeAccepted, RecoveryTrigger.CodeRejected,
        RecoveryTrigger.VerificationLocked, RecoveryTrigger.CaseOpened, RecoveryTrigger.AgentJoined, RecoveryTrigger.AgentLeft,
        RecoveryTrigger.CaseResolved, RecoveryTrigger.SupportOpened,
    ];

    // Words of the user that make sense only in some states; elsewhere the state re-asks its question.
    private static readonly RecoveryTrigger[] s_userTriggers =
    [
        RecoveryTrigger.Greeting, RecoveryTrigger.ProblemStated, RecoveryTrigger.ScamReported, RecoveryTrigger.HumanRequested,
        RecoveryTrigger.CaseStatusAsked, RecoveryTrigger.Affirm, RecoveryTrigger.Deny, RecoveryTrigger.Goodbye,
        RecoveryTrigger.Unclear, RecoveryTrigger.OutOfScope, RecoveryTrigger.IdentifierGiven, RecoveryTrigger.MethodChosen,
        RecoveryTrigger.CodeEntered, RecoveryTrigger.ResendRequested, RecoveryTrigger.MessageForAgent,
        RecoveryTrigger.PersonalFactsOffered, RecoveryTrigger.ContactChangeRequested,
    ];

    private readonly StateMachine<RecoveryState, RecoveryTrigger> _machine;
    private TurnScratch _turn;

    // The pairs the explicit table leaves open, computed once from the table itself (see ConfigureRemainingPairs).
    private static readonly Lazy<(RecoveryState State, RecoveryTrigger Trigger, bool Ignore)[]> s_remainingPairs =
        new(() => RemainingPairs(new RecoveryFlow(TurnScratch.ForDescription(), withRemainingPairs: false).Machine.GetInfo()));

    public RecoveryFlow(TurnScratch turn)
        : this(turn, withRemainingPairs: true)
    {
    }

    private RecoveryFlow(TurnScratch turn, bool withRemainingPairs)
    {
        _turn = turn ?? throw new ArgumentNullException(nameof(turn));
        _machine = new StateMachine<RecoveryState, RecoveryTrigger>(
            () => _turn.Snapshot.State,
            state => _turn.Snapshot = _turn.Snapshot with { State = state });
        Configure();
        if (withRemainingPairs)
        {
            ConfigureRemainingPairs();
        }
    }

    /// <summary>
    /// Points this (already configured) flow at another turn. Configuring the table costs far more than a decision,
    /// so <see cref="RecoveryEngine"/> keeps configured flows and rebinds them, one turn at a time each.
    /// </summary>
    public void Bind(TurnScratch turn) => _turn = turn ?? throw new ArgumentNullException(nameof(turn));

    /// <summary>The configured graph, for the diagram and the completeness test.</summary>
    public static StateMachineInfo Describe() => new RecoveryFlow(TurnScratch.ForDescription()).Machine.GetInfo();

    public StateMachine<RecoveryState, RecoveryTrigger> Machine => _machine;

    private void Configure()
    {
        // Start: nothing said yet. A first message is handled as in Triage after the welcome (RecoveryEngine).
        _machine.Configure(RecoveryState.Start)
            .Permit(RecoveryTrigger.Begin, RecoveryState.Triage);

        _machine.Configure(RecoveryState.Triage)
            .OnEntry(EnterTriage, "welcome, or ask what happened")
            .PermitReentry(RecoveryTrigger.Begin);
        ConfigureFirstLine(RecoveryState.Triage);

        _machine.Configure(RecoveryState.SelfHelp)
            .OnEntry(EnterSelfHelp, "show the help article of the problem, ask whether it helped")
            .Permit(RecoveryTrigger.Affirm, RecoveryState.Resolved)
            .Permit(RecoveryTrigger.Deny, RecoveryState.Identify);
        ConfigureFirstLine(RecoveryState.SelfHelp);

        _machine.Configure(RecoveryState.ScamCheck)
            .OnEntry(EnterScamCheck, "explain how real support behaves, ask whether anything was shared")
            .Permit(RecoveryTrigger.Affirm, RecoveryState.SelfHelp)
            .Permit(RecoveryTrigger.Deny, RecoveryState.Resolved);
        ConfigureFirstLine(RecoveryState.ScamCheck);

        _machine.Configure(RecoveryState.Resolved)
            .OnEntry(EnterResolved, "close the topic with safety tips")
            .PermitReentry(RecoveryTrigger.Affirm)
            .PermitReentry(RecoveryTrigger.Deny);
        ConfigureFirstLine(RecoveryState.Resolved);

        _machine.Configure(RecoveryState.Verification)
            .OnEntry(_ => _turn.Effect(new TurnEffect.Audit("recovery_started", _turn.Snapshot.Problem?.ToLabel() ?? "none")), "audit recovery_started");

        _machine.Configure(RecoveryState.Identify)
            .SubstateOf(RecoveryState.Verification)
            .OnEntry(EnterIdentify, "explain why, ask for the account's email, phone or username")
            .Permit(RecoveryTrigger.IdentifierGiven, RecoveryState.ChooseMethod)
            .Permit(RecoveryTrigger.Deny, RecoveryState.Triage);

        _machine.Configure(RecoveryState.ChooseMethod)
            .SubstateOf(RecoveryState.Verification)
            .OnEntry(EnterChooseMethod, "start a verification session, offer the methods on file")
            .Permit(RecoveryTrigger.MethodChosen, RecoveryState.AwaitCode)
            .Permit(RecoveryTrigger.Deny, RecoveryState.Identify);

        _machine.Configure(RecoveryState.AwaitCode)
            .SubstateOf(RecoveryState.Verification)
            .OnEntry(EnterAwaitCode, "send or check codes, report the service's answer")
            .PermitReentry(RecoveryTrigger.CodeEntered)
            .PermitReentry(RecoveryTrigger.ResendRequested)
            .PermitReentry(RecoveryTrigger.CodeSent)
            .PermitReentry(RecoveryTrigger.CodeSendThrottled)
            .PermitReentry(RecoveryTrigger.CodeRejected)
            .PermitReentry(RecoveryTrigger.MethodChosen)
            .PermitIf(RecoveryTrigger.CodeAccepted, RecoveryState.Verified, () => AllProofsRecorded(), "every required proof recorded by the verification service")
            .PermitIf(RecoveryTrigger.CodeAccepted, RecoveryState.SecondFactor, () => !AllProofsRecorded(), "an independent second proof is still required")
            .Permit(RecoveryTrigger.VerificationLocked, RecoveryState.VerificationFailed)
            .Permit(RecoveryTrigger.Deny, RecoveryState.ChooseMethod);

        _machine.Configure(RecoveryState.SecondFactor)
            .SubstateOf(RecoveryState.Verification)
            .OnEntry(EnterSecondFactor, "ask for a second, independent proof")
            .PermitIf(RecoveryTrigger.MethodChosen, RecoveryState.AwaitCode, () => !ChosenMethodAlreadyPassed(), "the method was not used for an earlier proof")
            .PermitReentryIf(RecoveryTrigger.MethodChosen, () => ChosenMethodAlreadyPassed(), "the method was already used for an earlier proof");

        _machine.Configure(RecoveryState.VerificationFailed)
            .OnEntry(EnterVerificationFailed, "say verification is paused and when it can be tried again")
            .PermitReentry(RecoveryTrigger.VerificationLocked)
            .Permit(RecoveryTrigger.Affirm, RecoveryState.Identify);

        _machine.Configure(RecoveryState.Verified)
            .OnEntry(EnterVerified, "audit verification_passed, open the case")
            .PermitIf(RecoveryTrigger.CaseOpened, RecoveryState.Queued, () => _turn.Input.Availability.IsOpen, "support is open and staffed")
            .PermitIf(RecoveryTrigger.CaseOpened, RecoveryState.AfterHours, () => !_turn.Input.Availability.IsOpen, "support is closed or nobody is online");

        _machine.Configure(RecoveryState.AfterHours)
            .SubstateOf(RecoveryState.Verified)
            .OnEntry(EnterAfterHours, "keep the place, give the case id and the next opening")
            .PermitReentry(RecoveryTrigger.CaseOpened)
            .Permit(RecoveryTrigger.SupportOpened, RecoveryState.Queued);

        _machine.Configure(RecoveryState.Queued)
            .OnEntry(EnterQueued, "audit escalated, give the case id and the place in the queue")
            .Permit(RecoveryTrigger.AgentJoined, RecoveryState.WithAgent)
            .PermitReentry(RecoveryTrigger.CaseOpened)
            .Ignore(RecoveryTrigger.SupportOpened);

        _machine.Configure(RecoveryState.WithAgent)
            .OnEntry(EnterWithAgent, "announce the agent, then relay the user's messages")
            .PermitReentry(RecoveryTrigger.MessageForAgent)
            .Permit(RecoveryTrigger.AgentLeft, RecoveryState.Triage)
            .Permit(RecoveryTrigger.CaseResolved, RecoveryState.Closed)
            .Ignore(RecoveryTrigger.AgentJoined)
            .Ignore(RecoveryTrigger.CaseOpened);

        _machine.Configure(RecoveryState.Closed)
            .OnEntry(EnterClosed, "say goodbye or give the case outcome");
        ConfigureFirstLine(RecoveryState.Closed);

        ConfigureGlobalCommands();
    }

    /// <summary>States where the user can describe a (new) problem: the first-line menu.</summary>
    private void ConfigureFirstLine(RecoveryState state)
    {
        var configuration = _machine.Configure(state);
        Route(configuration, state, RecoveryTrigger.ProblemStated, RecoveryState.SelfHelp);
        Route(configuration, state, RecoveryTrigger.ScamReported, RecoveryState.ScamCheck);
        Route(configuration, state, RecoveryTrigger.Goodbye, RecoveryState.Resolved);
        configuration.Permit(RecoveryTrigger.HumanRequested, RecoveryState.Identify);
        foreach (var trigger in new[] { RecoveryTrigger.Greeting, RecoveryTrigger.Unclear, RecoveryTrigger.OutOfScope, RecoveryTrigger.CaseStatusAsked })
        {
            configuration.PermitReentry(trigger);
        }
    }

    private static void Route(StateConfiguration<RecoveryState, RecoveryTrigger> configuration, RecoveryState from, RecoveryTrigger trigger, RecoveryState to)
    {
        if (from == to)
        {
            configuration.PermitReentry(trigger);
        }
        else
        {
            configuration.Permit(trigger, to);
        }
    }

    /// <summary>Start over, stop and change language work in every state (SPEC §4).</summary>
    private void ConfigureGlobalCommands()
    {
        foreach (var state in s_conversationStates)
        {
            var configuration = _machine.Configure(state);
            Route(configuration, state, RecoveryTrigger.StartOver, RecoveryState.Triage);
            Route(configuration, state, RecoveryTrigger.Stop, RecoveryState.Closed);
            configuration.PermitReentry(RecoveryTrigger.ChangeLanguage);
        }
    }

    /// <summary>
    /// Every pair not routed above: a user's words re-ask the state's question; a service result that does not
    /// belong to the state (late, duplicated) is ignored. Written out so the completeness test sees a decision.
    /// </summary>
    private void ConfigureRemainingPairs()
    {
        foreach (var (state, trigger, ignore) in s_remainingPairs.Value)
        {
            if (ignore)
            {
                _machine.Configure(state).Ignore(trigger);
            }
            else
            {
                _machine.Configure(state).PermitReentry(trigger);
            }
        }
    }

    private static (RecoveryState, RecoveryTrigger, bool)[] RemainingPairs(StateMachineInfo info)
    {
        var pairs = new List<(RecoveryState, RecoveryTrigger, bool)>();
        foreach (var state in s_conversationStates)
        {
            var handled = HandledTriggers(info, state);
            pairs.AddRange(s_userTriggers.Append(RecoveryTrigger.Begin)
                .Where(trigger => !handled.Contains(trigger.ToString()))
                .Select(trigger => (state, trigger, false)));
            pairs.AddRange(s_serviceTriggers
                .Where(trigger => !handled.Contains(trigger.ToString()))
                .Select(trigger => (state, trigger, true)));
        }

        return [.. pairs];
    }

    private static HashSet<string> HandledTriggers(StateMachineInfo info, RecoveryState state)
    {
        var byName = info.States.ToDictionary(s => s.State, StringComparer.Ordinal);
        var handled = new HashSet<string>(StringComparer.Ordinal);
        for (var current = byName.GetValueOrDefault(state.ToString()); current is not null;
             current = current.Superstate is null ? null : byName.GetValueOrDefault(current.Superstate))
        {
            handled.UnionWith(current.Transitions.Select(t => t.Trigger));
            handled.UnionWith(current.IgnoredTriggers.Select(t => t.Trigger));
        }

        return handled;
    }

    private bool AllProofsRecorded() =>
        _turn.Input.Result is ServiceResult.CodeAccepted accepted && accepted.ProofsPassed >= accepted.ProofsRequired;

    private bool ChosenMethodAlreadyPassed() =>
        _turn.ChosenMethod is { } method && _turn.Snapshot.MethodsPassed.Contains(method, StringComparer.Ordinal);

    // ---- What each step says and asks the host to do. `t.Trigger` tells why the step is (re)entered. ----

    private void EnterTriage(Transition<RecoveryState, RecoveryTrigger> t)
    {
        switch (t.Trigger)
        {
            case RecoveryTrigger.Begin when t.Source == RecoveryState.Start:
                _turn.Say(Reply.Of("greeting.welcome"));
                _turn.Say(Reply.Of("greeting.never-ask"));
                _turn.Say(Reply.Of("triage.prompt", MenuActions()));
                break;
            case RecoveryTrigger.StartOver:
                _turn.ResetForStartOver();
                _turn.Say(Reply.Of("conversation.restarted", MenuActions()));
                break;
            case RecoveryTrigger.AgentLeft:
                _turn.Say(Reply.Of("agent.left"));
                _turn.Say(Reply.Of("triage.prompt", MenuActions()));
                break;
            default:
                SayFirstLine(t.Trigger, "triage.prompt");
                break;
        }
    }

    private void EnterSelfHelp(Transition<RecoveryState, RecoveryTrigger> t)
    {
        if (t.Trigger == RecoveryTrigger.Affirm && t.Source == RecoveryState.ScamCheck)
        {
            // They shared something with a scammer: treat it as a takeover in progress.
            _turn.Snapshot = _turn.Snapshot with { Problem = Intent.AccountHacked };
        }
        else if (t.Trigger == RecoveryTrigger.ProblemStated && _turn.StatedProblem is { } problem)
        {
            _turn.Snapshot = _turn.Snapshot with { Problem = problem };
        }
        else if (t.Trigger != RecoveryTrigger.ProblemStated)
        {
            SayFirstLine(t.Trigger, "selfhelp.did-it-help", SelfHelpActions());
            return;
        }

        var shown = _turn.Snapshot.Problem ?? Intent.LockedOut;
        _turn.Say(Reply.Of("help." + shown.ToLabel()));
        _turn.Say(Reply.Of("selfhelp.did-it-help", SelfHelpActions()));
    }

    private void EnterScamCheck(Transition<RecoveryState, RecoveryTrigger> t)
    {
        if (t.Trigger == RecoveryTrigger.ScamReported)
        {
            _turn.Snapshot = _turn.Snapshot with { Problem = Intent.SuspiciousMessage };
            _turn.Say(Reply.Of("help.suspicious_message"));
        }
        else
        {
            SayFirstLine(t.Trigger, null);
        }

        _turn.Say(Reply.Of("scam.did-you-share", YesNo("action.scam-shared", "action.scam-not-shared")));
    }

    private void EnterResolved(Transition<RecoveryState, RecoveryTrigger> t)
    {
        switch (t.Trigger)
        {
            case RecoveryTrigger.Goodbye or RecoveryTrigger.Affirm when t.Source != RecoveryState.ScamCheck:
                _turn.Say(Reply.Of("resolved.glad", MenuActions()));
                break;
            case RecoveryTrigger.Deny when t.Source == RecoveryState.ScamCheck:
                _turn.Say(Reply.Of("scam.nothing-shared", MenuActions()));
                break;
            default:
                SayFirstLine(t.Trigger, "resolved.anything-else");
                break;
        }
    }

    private void EnterIdentify(Transition<RecoveryState, RecoveryTrigger> t)
    {
        switch (t.Trigger)
        {
            case RecoveryTrigger.HumanRequested or RecoveryTrigger.Deny when t.Source is not (RecoveryState.ChooseMethod or RecoveryState.AwaitCode or RecoveryState.Identify):
                _turn.Say(Reply.Of("verify.why"));
                _turn.Say(Reply.Of("verify.identify.prompt", Cancel()));
                break;
            case RecoveryTrigger.HumanRequested:
                _turn.Say(Reply.Of("verify.human-after-verification"));
                _turn.Say(Reply.Of("verify.identify.prompt", Cancel()));
                break;
            case RecoveryTrigger.Affirm when t.Source == RecoveryState.VerificationFailed:
                _turn.Say(Reply.Of("verify.identify.prompt", Cancel()));
                break;
            case RecoveryTrigger.Deny:
                _turn.Say(Reply.Of("verify.identify.prompt", Cancel()));
                break;
            case RecoveryTrigger.ChangeLanguage:
                if (!SayLanguageChanged())
                {
                    return; // The language question is the prompt.
                }
                _turn.Say(Reply.Of("verify.identify.prompt", Cancel()));
                break;
            case RecoveryTrigger.Begin:
                _turn.Say(Reply.Of("verify.identify.prompt", Cancel()));
                break;
            default:
                _turn.Say(Reply.Of("verify.identify.invalid", Cancel()));
                break;
        }
    }

    private void EnterChooseMethod(Transition<RecoveryState, RecoveryTrigger> t)
    {
        if (t.Trigger == RecoveryTrigger.IdentifierGiven && _turn.Identifier is { } identifier)
        {
            _turn.Effect(new TurnEffect.StartVerification(identifier));
        }
        else if (t.Trigger == RecoveryTrigger.ChangeLanguage)
        {
            if (!SayLanguageChanged())
            {
                return; // The language question is the prompt.
            }
        }
        else if (t.Trigger == RecoveryTrigger.HumanRequested)
        {
            _turn.Say(Reply.Of("verify.human-after-verification"));
        }

        // The same words and buttons whether or not the identifier matched an account (no enumeration).
        _turn.Say(Reply.Of("verify.method.prompt", MethodActions([])));
    }

    private void EnterAwaitCode(Transition<RecoveryState, RecoveryTrigger> t)
    {
        switch (t.Trigger)
        {
            case RecoveryTrigger.MethodChosen or RecoveryTrigger.ResendRequested:
                var method = _turn.ChosenMethod ?? _turn.Snapshot.CodeMethod ?? "email";
                _turn.Snapshot = _turn.Snapshot with { CodeMethod = method };
                if (method == TurnScratch.RecoveryCodeMethod)
                {
                    // Nothing is sent: the claimant types a code they saved when they turned on two-factor authentication.
                    _turn.Say(Reply.Of("verify.recovery-code.prompt", OtherMethodAction()));
                    break;
                }

                _turn.Effect(new TurnEffect.SendCode(method));
                break;
            case RecoveryTrigger.CodeEntered when _turn.AwaitsRecoveryCode && _turn.RecoveryCode is { } recoveryCode:
                _turn.Effect(new TurnEffect.CheckRecoveryCode(recoveryCode));
                break;
            case RecoveryTrigger.CodeRejected when _turn.AwaitsRecoveryCode:
                _turn.Effect(new TurnEffect.Audit("code_failed", "recovery_code"));
                _turn.Say(Reply.Of("verify.recovery-code.rejected", OtherMethodAction()));
                break;
            case RecoveryTrigger.CodeEntered when _turn.Code is { } code:
                _turn.Effect(new TurnEffect.CheckCode(code));
                break;
            case RecoveryTrigger.CodeSent when _turn.Input.Result is ServiceResult.CodeSent sent:
                _turn.Say(Reply.Of("verify.code.sent", Args(("method", sent.Method), ("digits", sent.Digits), ("minutes", (int)sent.ValidFor.TotalMinutes)), ResendActions()));
                break;
            case RecoveryTrigger.CodeSendThrottled when _turn.Input.Result is ServiceResult.CodeSendThrottled throttled:
                _turn.Say(Reply.Of("verify.code.throttled", Args(("minutes", MinutesUntil(throttled.RetryAfter))), ResendActions()));
                break;
            case RecoveryTrigger.CodeRejected when _turn.Input.Result is ServiceResult.CodeRejected rejected:
                _turn.Effect(new TurnEffect.Audit("code_failed", "tries_left=" + rejected.TriesLeft));
                _turn.Say(Reply.Of("verify.code.rejected", Args(("triesLeft", rejected.TriesLeft)), ResendActions()));
                break;
            case RecoveryTrigger.ChangeLanguage:
                if (!SayLanguageChanged())
                {
                    return; // The language question is the prompt.
                }
                _turn.Say(Reply.Of("verify.code.expected", ResendActions()));
                break;
            case RecoveryTrigger.HumanRequested:
                _turn.Say(Reply.Of("verify.human-after-verification"));
                _turn.Say(Reply.Of("verify.code.expected", ResendActions()));
                break;
            default:
                _turn.Say(Reply.Of("verify.code.expected", ResendActions()));
                break;
        }
    }

    private void EnterSecondFactor(Transition<RecoveryState, RecoveryTrigger> t)
    {
        if (t.Trigger == RecoveryTrigger.CodeAccepted && _turn.Input.Result is ServiceResult.CodeAccepted accepted)
        {
            _turn.Snapshot = _turn.Snapshot with
            {
                ProofsPassed = accepted.ProofsPassed,
                ProofsRequired = accepted.ProofsRequired,
                MethodsPassed = [.. _turn.Snapshot.MethodsPassed, accepted.Method],
            };
            _turn.Effect(new TurnEffect.Audit("proof_passed", "method=" + accepted.Method));
            _turn.Say(Reply.Of("verify.second-factor.prompt", MethodActions(_turn.Snapshot.MethodsPassed)));
            return;
        }

        if (t.Trigger == RecoveryTrigger.MethodChosen)
        {
            _turn.Say(Reply.Of("verify.second-factor.other-method", MethodActions(_turn.Snapshot.MethodsPassed)));
            return;
        }

        if (t.Trigger == RecoveryTrigger.ChangeLanguage)
        {
            if (!SayLanguageChanged())
            {
                return; // The language question is the prompt.
            }
        }

        _turn.Say(Reply.Of("verify.second-factor.prompt", MethodActions(_turn.Snapshot.MethodsPassed)));
    }

    private void EnterVerificationFailed(Transition<RecoveryState, RecoveryTrigger> t)
    {
        if (_turn.Input.Result is ServiceResult.VerificationLocked locked)
        {
            _turn.Snapshot = _turn.Snapshot with { RetryAfter = locked.RetryAfter };
            _turn.Effect(new TurnEffect.Audit("verification_failed", "locked"));
        }
        else if (t.Trigger == RecoveryTrigger.HumanRequested)
        {
            // No way around verification: a person cannot help an unverified claimant with this account.
            _turn.Say(Reply.Of("verify.failed.no-human"));
        }
        else if (t.Trigger == RecoveryTrigger.ChangeLanguage)
        {
            if (!SayLanguageChanged())
            {
                return; // The language question is the prompt.
            }
        }

        if (_turn.Input.Result is ServiceResult.VerificationLocked { SlowPath: true } slow)
        {
            _turn.Say(Reply.Of("verify.slow-path", Args(("hours", Math.Max(1, (int)Math.Ceiling((slow.RetryAfter - _turn.Input.Now).TotalHours)))), StartOverAction()));
            return;
        }

        var minutes = _turn.Snapshot.RetryAfter is { } retry ? MinutesUntil(retry) : 0;
        _turn.Say(Reply.Of("verify.failed", Args(("minutes", minutes)), new ReplyAction("action.try-again", "yes"), StartOverAction()));
    }

    private void EnterVerified(Transition<RecoveryState, RecoveryTrigger> t)
    {
        if (t.Trigger == RecoveryTrigger.CodeAccepted && _turn.Input.Result is ServiceResult.CodeAccepted accepted)
        {
            _turn.Snapshot = _turn.Snapshot with
            {
                ProofsPassed = accepted.ProofsPassed,
                ProofsRequired = accepted.ProofsRequired,
                MethodsPassed = [.. _turn.Snapshot.MethodsPassed, accepted.Method],
            };
            _turn.Effect(new TurnEffect.Audit("verification_passed", "proofs=" + accepted.ProofsPassed));
            _turn.Say(Reply.Of("verify.passed"));
        }
        else if (t.Trigger == RecoveryTrigger.ChangeLanguage)
        {
            if (!SayLanguageChanged())
            {
                return; // The language question is the prompt.
            }
        }

        if (t.Destination == RecoveryState.Verified)
        {
            // Idempotent on the host side: a case already opened for this conversation is found, not duplicated.
            _turn.Effect(new TurnEffect.OpenCase(_turn.Snapshot.Problem ?? Intent.LockedOut, _turn.Input.Availability.IsOpen));
        }
    }

    private void EnterAfterHours(Transition<RecoveryState, RecoveryTrigger> t)
    {
        if (_turn.Input.Result is ServiceResult.CaseOpened opened)
        {
            _turn.Snapshot = _turn.Snapshot with { CaseId = opened.CaseId };
        }
        else if (t.Trigger == RecoveryTrigger.ChangeLanguage)
        {
            if (!SayLanguageChanged())
            {
                return; // The language question is the prompt.
            }
        }

        var next = _turn.Input.Availability.NextOpening;
        _turn.Say(Reply.Of(
            next is null ? "queue.after-hours.no-time" : "queue.after-hours",
            Args(("caseId", _turn.Snapshot.CaseId), ("nextOpening", next))));
    }

    private void EnterQueued(Transition<RecoveryState, RecoveryTrigger> t)
    {
        var position = 0;
        if (_turn.Input.Result is ServiceResult.CaseOpened opened)
        {
            _turn.Snapshot = _turn.Snapshot with { CaseId = opened.CaseId };
            position = opened.Position;
        }

        if (t.Source != RecoveryState.Queued)
        {
            _turn.Effect(new TurnEffect.Audit("escalated", "case"));
            _turn.Say(Reply.Of("queue.queued", Args(("caseId", _turn.Snapshot.CaseId), ("position", position))));
            return;
        }

        if (t.Trigger == RecoveryTrigger.ChangeLanguage)
        {
            if (!SayLanguageChanged())
            {
                return; // The language question is the prompt.
            }
        }

        _turn.Say(Reply.Of("queue.waiting", Args(("caseId", _turn.Snapshot.CaseId))));
    }

    private void EnterWithAgent(Transition<RecoveryState, RecoveryTrigger> t)
    {
        switch (t.Trigger)
        {
            case RecoveryTrigger.AgentJoined when _turn.Input.Result is ServiceResult.AgentJoined joined:
                _turn.Say(Reply.Of("agent.joined", Args(("agentName", joined.AgentName))));
                break;
            case RecoveryTrigger.ChangeLanguage:
                if (!SayLanguageChanged())
                {
                    return; // The language question is the prompt.
                }
                break;
            default:
                if (_turn.Snapshot.CaseId is { } caseId)
                {
                    _turn.Effect(new TurnEffect.RelayToAgent(caseId));
                }

                break;
        }
    }

    private void EnterClosed(Transition<RecoveryState, RecoveryTrigger> t)
    {
        switch (t.Trigger)
        {
            case RecoveryTrigger.Stop:
                _turn.ResetForStartOver();
                _turn.Say(Reply.Of("conversation.stopped"));
                break;
            case RecoveryTrigger.CaseResolved when _turn.Input.Result is ServiceResult.CaseResolved resolved:
                _turn.Say(Reply.Of("case.resolved", Args(("caseId", _turn.Snapshot.CaseId), ("outcome", resolved.Outcome))));
                break;
            default:
                SayFirstLine(t.Trigger, "resolved.anything-else");
                break;
        }
    }

    /// <summary>The answers shared by every first-line state for words that do not move it.</summary>
    private void SayFirstLine(RecoveryTrigger trigger, string? repromptKey, params ReplyAction[] repromptActions)
    {
        var actions = repromptActions.Length > 0 ? repromptActions : MenuActions();
        switch (trigger)
        {
            case RecoveryTrigger.Greeting:
                _turn.Say(Reply.Of("triage.greeting-again", actions));
                return;
            case RecoveryTrigger.OutOfScope:
                _turn.Say(Reply.Of("triage.out-of-scope", actions));
                return;
            case RecoveryTrigger.Unclear:
                _turn.Say(Reply.Of("triage.clarify", ClarifyActions()));
                return;
            case RecoveryTrigger.CaseStatusAsked:
                _turn.Say(_turn.Snapshot.CaseId is { } caseId
                    ? Reply.Of("case.status.known", Args(("caseId", caseId)), actions)
                    : Reply.Of("case.status.none", actions));
                return;
            case RecoveryTrigger.ChangeLanguage:
                if (!SayLanguageChanged())
                {
                    return; // The language question is the prompt.
                }
                break;
        }

        if (repromptKey is not null)
        {
            _turn.Say(Reply.Of(repromptKey, actions));
        }
    }

    /// <summary>Switches to the requested language, or asks which one; <see langword="false"/> when it asked.</summary>
    private bool SayLanguageChanged()
    {
        if (_turn.Input.Understanding.RequestedLanguage is { } language && _turn.Input.OfferedLanguages.Contains(language, StringComparer.Ordinal))
        {
            _turn.Snapshot = _turn.Snapshot with { Language = language, LanguageChosen = true };
            _turn.Say(Reply.Of("language.changed"));
            return true;
        }

        var buttons = _turn.Input.OfferedLanguages
            .Select(code => new ReplyAction("language.self-name", "lang:" + code, code))
            .ToArray();
        _turn.Say(Reply.Of("language.choose", buttons));
        return false;
    }

    private ReplyAction[] ClarifyActions()
    {
        var prediction = _turn.Input.Understanding.Prediction;
        var guesses = new List<Intent>();
        if (prediction is not null)
        {
            foreach (var intent in new[] { prediction.Intent, prediction.RunnerUp })
            {
                if (TriggerMapper.IsProblem(intent) || intent == Intent.SuspiciousMessage)
                {
                    guesses.Add(intent);
                }
            }
        }

        foreach (var fallback in new[] { Intent.AccountHacked, Intent.LockedOut, Intent.SuspiciousMessage })
        {
            if (guesses.Count >= _turn.Options.ClarifyChoices)
            {
                break;
            }

            if (!guesses.Contains(fallback))
            {
                guesses.Add(fallback);
            }
        }

        return [.. guesses.Select(ProblemAction), HumanAction()];
    }

    private static ReplyAction[] MenuActions() =>
    [
        ProblemAction(Intent.AccountHacked), ProblemAction(Intent.LockedOut), ProblemAction(Intent.SuspiciousMessage), HumanAction(),
    ];

    private static ReplyAction[] SelfHelpActions() =>
        [new("action.helped", "yes"), new("action.not-helped", "no"), HumanAction()];

    // The same three buttons for every identifier (no enumeration); the host may add masked contacts to their titles.
    private static ReplyAction[] MethodActions(IReadOnlyList<string> used) =>
        new[]
        {
            new ReplyAction("action.method-email", "method:email"),
            new ReplyAction("action.method-sms", "method:sms"),
            new ReplyAction("verify.action.method-recovery-code", "method:" + TurnScratch.RecoveryCodeMethod),
        }
            .Where(action => !used.Contains(action.Value["method:".Length..], StringComparer.Ordinal))
            .ToArray();

    private static ReplyAction OtherMethodAction() => new("action.other-method", "no");

    private static ReplyAction[] ResendActions() => [new("action.resend", "resend"), new("action.other-method", "no")];

    private static ReplyAction[] YesNo(string yesKey, string noKey) => [new(yesKey, "yes"), new(noKey, "no")];

    private static ReplyAction[] Cancel() => [new("action.cancel", "no")];

    private static ReplyAction ProblemAction(Intent intent) => new("action.problem." + intent.ToLabel(), "problem:" + intent.ToLabel());

    private static ReplyAction HumanAction() => new("action.human", "human");

    private static ReplyAction StartOverAction() => new("action.start-over", "start-over");

    private int MinutesUntil(DateTimeOffset at) => Math.Max(1, (int)Math.Ceiling((at - _turn.Input.Now).TotalMinutes));

    private static Dictionary<string, object?> Args(params (string Name, object? Value)[] arguments) =>
        arguments.ToDictionary(argument => argument.Name, argument => argument.Value, StringComparer.Ordinal);
}
