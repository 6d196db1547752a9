using SupportBot.Dialogs.Understanding;

namespace SupportBot.Dialogs.Conversation;

/// <summary>
/// Turns one input into one trigger. Verification triggers come only from <see cref="InputKind.ServiceResult"/>:
/// no text, button or recognizer output can produce them.
/// </summary>
internal static class TriggerMapper
{
    private static readonly HashSet<Intent> s_problems =
    [
        Intent.AccountHacked, Intent.LockedOut, Intent.AccountDisabled, Intent.ForgotPassword, Intent.CodeNotReceived,
        Intent.Lost2faDevice, Intent.UpdateContactInfo, Intent.Impersonation,
    ];

    /// <summary>Whether an intent is a first-line problem with help content of its own.</summary>
    public static bool IsProblem(Intent intent) => s_problems.Contains(intent);

    public static RecoveryTrigger Map(ConversationSnapshot snapshot, TurnInput input, RecoveryEngineOptions options) => input.Kind switch
    {
        InputKind.ConversationStarted => RecoveryTrigger.Begin,
        InputKind.ServiceResult => MapResult(input.Result ?? throw new ArgumentException("A service result input needs a result.", nameof(input))),
        _ => MapMessage(snapshot, input.Understanding, options),
    };

    private static RecoveryTrigger MapResult(ServiceResult result) => result switch
    {
        ServiceResult.CodeSent => RecoveryTrigger.CodeSent,
        ServiceResult.CodeSendThrottled => RecoveryTrigger.CodeSendThrottled,
        ServiceResult.CodeAccepted => RecoveryTrigger.CodeAccepted,
        ServiceResult.CodeRejected => RecoveryTrigger.CodeRejected,
        ServiceResult.VerificationLocked => RecoveryTrigger.VerificationLocked,
        ServiceResult.CaseOpened => RecoveryTrigger.CaseOpened,
        ServiceResult.AgentJoined => RecoveryTrigger.AgentJoined,
        ServiceResult.AgentLeft => RecoveryTrigger.AgentLeft,
        ServiceResult.CaseResolved => RecoveryTrigger.CaseResolved,
        ServiceResult.SupportOpened => RecoveryTrigger.SupportOpened,
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.GetType().Name, "Unknown service result."),
    };

    private static RecoveryTrigger MapMessage(ConversationSnapshot snapshot, MessageUnderstanding understanding, RecoveryEngineOptions options)
    {
        // Global commands first: they work in every state and language.
        switch (understanding.Command)
        {
            case UserCommand.StartOver: return RecoveryTrigger.StartOver;
            case UserCommand.Stop: return RecoveryTrigger.Stop;
            case UserCommand.ChangeLanguage when understanding.RequestedLanguage is not null: return RecoveryTrigger.ChangeLanguage;
        }

        if (snapshot.State == RecoveryState.WithAgent)
        {
            // A person holds the case: everything else the user says is for them, and the bot stays silent.
            return RecoveryTrigger.MessageForAgent;
        }

        // Refused in every state before anything else reads the message: an address in "change my email to x@y" is
        // no identifier, and digits in "born 12 03 1990" are no code.
        switch (understanding.Claim)
        {
            case UserClaim.ContactChange: return RecoveryTrigger.ContactChangeRequested;
            case UserClaim.PersonalFacts: return RecoveryTrigger.PersonalFactsOffered;
        }

        if (understanding.Problem is { } problem)
        {
            return problem == Intent.SuspiciousMessage ? RecoveryTrigger.ScamReported : RecoveryTrigger.ProblemStated;
        }

        switch (understanding.Command)
        {
            case UserCommand.Human: return RecoveryTrigger.HumanRequested;
            case UserCommand.MethodEmail or UserCommand.MethodSms or UserCommand.MethodRecoveryCode: return RecoveryTrigger.MethodChosen;
            case UserCommand.Resend: return RecoveryTrigger.ResendRequested;
            case UserCommand.Yes: return RecoveryTrigger.Affirm;
            case UserCommand.No: return RecoveryTrigger.Deny;
        }

        var entities = understanding.Entities;
        if (snapshot.State == RecoveryState.AwaitCode && (entities.Codes.Count > 0 || understanding.RecoveryCodes.Count > 0))
        {
            return RecoveryTrigger.CodeEntered;
        }

        if (snapshot.State == RecoveryState.Identify && entities.FirstIdentifier is not null)
        {
            return RecoveryTrigger.IdentifierGiven;
        }

        var trigger = MapIntent(understanding, options);
        if (trigger == RecoveryTrigger.ChangeLanguage && understanding.RequestedLanguage is null)
        {
            // "Can we speak another language?" with no language named: show the language buttons.
            return RecoveryTrigger.ChangeLanguage;
        }

        return trigger == RecoveryTrigger.ProblemStated && snapshot.State == RecoveryState.AwaitCode
            && understanding.Prediction?.Intent == Intent.CodeNotReceived
            ? RecoveryTrigger.ResendRequested
            : trigger;
    }

    private static RecoveryTrigger MapIntent(MessageUnderstanding understanding, RecoveryEngineOptions options)
    {
        if (understanding.Prediction is not { } prediction || prediction.Confidence < options.ClarifyBelowConfidence)
        {
            return RecoveryTrigger.Unclear;
        }

        return prediction.Intent switch
        {
            Intent.Greeting => RecoveryTrigger.Greeting,
            Intent.SuspiciousMessage => RecoveryTrigger.ScamReported,
            Intent.HumanAgent => RecoveryTrigger.HumanRequested,
            Intent.CaseStatus => RecoveryTrigger.CaseStatusAsked,
            Intent.ChangeLanguage => RecoveryTrigger.ChangeLanguage,
            Intent.Affirm => RecoveryTrigger.Affirm,
            Intent.Deny => RecoveryTrigger.Deny,
            Intent.ThanksGoodbye => RecoveryTrigger.Goodbye,
            Intent.OutOfScope => RecoveryTrigger.OutOfScope,
            var intent when IsProblem(intent) => RecoveryTrigger.ProblemStated,
            _ => RecoveryTrigger.Unclear,
        };
    }
}
