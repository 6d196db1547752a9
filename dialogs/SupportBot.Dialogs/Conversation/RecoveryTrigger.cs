namespace SupportBot.Dialogs.Conversation;

/// <summary>
/// What can move the conversation. Triggers from the user's words come from <see cref="TurnInput"/>'s
/// understanding; the ones marked "service" come only from results of effects the host performed, never from text.
/// </summary>
public enum RecoveryTrigger
{
    Begin,
    Greeting,
    ProblemStated,
    ScamReported,
    HumanRequested,
    CaseStatusAsked,
    Affirm,
    Deny,
    Goodbye,
    Unclear,
    OutOfScope,
    IdentifierGiven,
    MethodChosen,
    CodeEntered,
    ResendRequested,
    StartOver,
    Stop,
    ChangeLanguage,

    /// <summary>Personal facts offered as proof: refused (they are no proof), then the state asks again.</summary>
    PersonalFactsOffered,

    /// <summary>A contact change asked for in chat: refused with the safe routes, then the state asks again.</summary>
    ContactChangeRequested,

    /// <summary>A message while an agent holds the case; relayed, not answered.</summary>
    MessageForAgent,

    /// <summary>Service: a code was sent (or, for an unknown identifier, the same work was done).</summary>
    CodeSent,

    /// <summary>Service: too many codes were asked for this account; nothing was sent.</summary>
    CodeSendThrottled,

    /// <summary>Service: the code matched; carries the proofs recorded so far.</summary>
    CodeAccepted,

    /// <summary>Service: the code did not match, expired or was used.</summary>
    CodeRejected,

    /// <summary>Service: too many failures for this account; verification is paused.</summary>
    VerificationLocked,

    /// <summary>Service: the case was opened (or found) for this verified conversation.</summary>
    CaseOpened,

    /// <summary>Service: an agent accepted the case.</summary>
    AgentJoined,

    /// <summary>Service: the agent handed the user back to the bot.</summary>
    AgentLeft,

    /// <summary>Service: the agent resolved the case with an outcome.</summary>
    CaseResolved,

    /// <summary>Service: support opened while the user was waiting after hours.</summary>
    SupportOpened,
}
