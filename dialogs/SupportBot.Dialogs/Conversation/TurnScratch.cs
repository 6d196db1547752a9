using SupportBot.Dialogs.Understanding;

namespace SupportBot.Dialogs.Conversation;

/// <summary>
/// The working area of one decision: the snapshot as it changes, the replies and effects collected so far,
/// and the parts of the input the flow's steps read. Lives for one <see cref="RecoveryEngine.Decide"/> call.
/// </summary>
internal sealed class TurnScratch(ConversationSnapshot snapshot, TurnInput input, RecoveryEngineOptions options)
{
    private readonly List<Reply> _replies = [];
    private readonly List<TurnEffect> _effects = [];

    public ConversationSnapshot Snapshot { get; set; } = snapshot;

    public TurnInput Input { get; } = input;

    public RecoveryEngineOptions Options { get; } = options;

    public IReadOnlyList<Reply> Replies => _replies;

    public IReadOnlyList<TurnEffect> Effects => _effects;

    /// <summary>The problem a message names, by button or by the recognizer.</summary>
    public Intent? StatedProblem =>
        Input.Understanding.Problem
        ?? (Input.Understanding.Prediction?.Intent is { } intent && TriggerMapper.IsProblem(intent) ? intent : null);

    /// <summary>The code-delivery method a button or word chose.</summary>
    public string? ChosenMethod => Input.Understanding.Command switch
    {
        UserCommand.MethodEmail => "email",
        UserCommand.MethodSms => "sms",
        UserCommand.MethodRecoveryCode => RecoveryCodeMethod,
        _ => null,
    };

    public string? Identifier => Input.Understanding.Entities.FirstIdentifier;

    public string? Code => Input.Understanding.Entities.Codes.Count > 0 ? Input.Understanding.Entities.Codes[0] : null;

    /// <summary>The method name of a saved recovery code: nothing is sent, the claimant types a code they kept.</summary>
    public const string RecoveryCodeMethod = "recovery-code";

    /// <summary>Whether the code the bot waits for is a saved recovery code rather than one it sent.</summary>
    public bool AwaitsRecoveryCode => Snapshot.CodeMethod == RecoveryCodeMethod;

    /// <summary>What was typed as a saved recovery code (its canonical form, or the digits if that is all there was).</summary>
    public string? RecoveryCode => Input.Understanding.RecoveryCodes.Count > 0 ? Input.Understanding.RecoveryCodes[0] : Code;

    public static TurnScratch ForDescription() =>
        new(new ConversationSnapshot(), TurnInput.Started(DateTimeOffset.UnixEpoch, SupportAvailability.AlwaysOpen), new RecoveryEngineOptions());

    public void Say(Reply reply) => _replies.Add(reply);

    public void Effect(TurnEffect effect) => _effects.Add(effect);

    /// <summary>Forget the recovery (and leave the queue) but keep the language and country the user has.</summary>
    public void ResetForStartOver()
    {
        if (Snapshot.CaseId is { } caseId)
        {
            _effects.Add(new TurnEffect.CancelCase(caseId));
        }

        _effects.Add(new TurnEffect.ResetVerification());
        Snapshot = new ConversationSnapshot
        {
            State = Snapshot.State,
            Language = Snapshot.Language,
            LanguageChosen = Snapshot.LanguageChosen,
            Country = Snapshot.Country,
        };
    }
}
