namespace SupportBot.Dialogs.StateMachine;

/// <summary>
/// What a configured trigger does, kept as a closed set so the engine, the reflection model and the
/// graphs all switch over the same three cases.
/// </summary>
internal enum TriggerBehaviourKind
{
    /// <summary>Leaves the state for another one.</summary>
    Permit,

    /// <summary>Leaves the configured state and enters it again, running its exit and entry actions.</summary>
    Reentry,

    /// <summary>Accepts the trigger and does nothing, so it is not reported as unhandled.</summary>
    Ignore,
}
