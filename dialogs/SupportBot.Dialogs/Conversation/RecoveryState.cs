namespace SupportBot.Dialogs.Conversation;

/// <summary>The steps of the recovery conversation (SPEC §4). <see cref="RecoveryFlow"/> declares how they connect.</summary>
public enum RecoveryState
{
    Start,
    Triage,
    SelfHelp,
    ScamCheck,
    Resolved,

    /// <summary>Superstate of every step that proves ownership.</summary>
    Verification,
    Identify,
    ChooseMethod,
    AwaitCode,
    SecondFactor,
    VerificationFailed,

    /// <summary>Every required proof was recorded by the verification service; the case is being opened.</summary>
    Verified,

    /// <summary>Verified, but support is closed or nobody is online; a substate of <see cref="Verified"/> so the place is kept.</summary>
    AfterHours,
    Queued,
    WithAgent,
    Closed,
}
