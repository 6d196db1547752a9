namespace SupportBot.Dialogs.Conversation;

/// <summary>
/// The pure core of the bot: <c>Decide(snapshot, input) → (next snapshot, replies, effects)</c>. No I/O, no
/// clock, no randomness; the host performs the effects and feeds their results back as new inputs.
/// </summary>
public sealed class RecoveryEngine(RecoveryEngineOptions options)
{
    private readonly RecoveryEngineOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    // Configured flows waiting for a turn; each is used by one Decide at a time.
    private readonly System.Collections.Concurrent.ConcurrentBag<RecoveryFlow> _flows = [];

    public RecoveryEngine()
        : this(new RecoveryEngineOptions())
    {
    }

    /// <summary>Decides one step. Thread-safe: every call works on its own scratch.</summary>
    public TurnDecision Decide(ConversationSnapshot snapshot, TurnInput input)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(input);

        var turn = new TurnScratch(snapshot, input, _options);
        if (_flows.TryTake(out var flow))
        {
            flow.Bind(turn);
        }
        else
        {
            flow = new RecoveryFlow(turn);
        }

        // A flow that threw mid-transition is dropped rather than reused.
        var decision = DecideWith(flow, turn, snapshot, input);
        _flows.Add(flow);
        return decision;
    }

    private TurnDecision DecideWith(RecoveryFlow flow, TurnScratch turn, ConversationSnapshot snapshot, TurnInput input)
    {
        var trigger = TriggerMapper.Map(snapshot, input, _options);

        if (snapshot.State == RecoveryState.Start && input.Kind == InputKind.Message)
        {
            // A first message without a conversation start: welcome first, then answer it as Triage would.
            flow.Machine.Fire(RecoveryTrigger.Begin);
            if (trigger is RecoveryTrigger.Greeting or RecoveryTrigger.Unclear or RecoveryTrigger.Begin)
            {
                return Finish(turn, trigger);
            }
        }

        RefuseClaim(turn, trigger);
        turn.Snapshot = turn.Snapshot with
        {
            UnclearInARow = trigger == RecoveryTrigger.Unclear ? turn.Snapshot.UnclearInARow + 1 : 0,
        };
        flow.Machine.Fire(trigger);
        return Finish(turn, trigger);
    }

    /// <summary>
    /// Personal facts are never proof and contacts never change in chat (docs/security.md B7, E2): the bot says so,
    /// then the state asks its question again. Said here, once, so every state refuses in the same words.
    /// </summary>
    private static void RefuseClaim(TurnScratch turn, RecoveryTrigger trigger)
    {
        switch (trigger)
        {
            case RecoveryTrigger.PersonalFactsOffered:
                turn.Effect(new TurnEffect.Audit("personal_facts_refused", "state=" + turn.Snapshot.State));
                turn.Say(Reply.Of("verify.refuse.personal-facts"));
                break;
            case RecoveryTrigger.ContactChangeRequested:
                turn.Effect(new TurnEffect.Audit("contact_change_refused", "state=" + turn.Snapshot.State));
                turn.Say(Reply.Of("verify.refuse.contact-change"));
                break;
        }
    }

    private static TurnDecision Finish(TurnScratch turn, RecoveryTrigger trigger) =>
        new(turn.Snapshot, turn.Replies, turn.Effects, trigger);
}
