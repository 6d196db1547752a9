namespace SupportBot.Dialogs.StateMachine;

/// <summary>One state of a <see cref="StateMachineInfo"/>: its place in the hierarchy and its rows, as configured.</summary>
/// <remarks>
/// Only what is configured on this state is listed; triggers handled by a superstate are found through
/// <see cref="Superstate"/>, as <see cref="StateMachineInfoExtensions.HandlesTrigger"/> does.
/// </remarks>
/// <param name="State">The state's name.</param>
/// <param name="Superstate">The superstate's name, or <see langword="null"/> for a top-level state.</param>
/// <param name="Substates">The direct substates, in configuration order.</param>
/// <param name="Transitions">Permitted and re-entering triggers, in configuration order.</param>
/// <param name="IgnoredTriggers">Ignored triggers, in configuration order.</param>
/// <param name="EntryActions">Entry actions, in the order they run.</param>
/// <param name="ExitActions">Exit actions, in the order they run.</param>
public sealed record StateInfo(
    string State,
    string? Superstate,
    IReadOnlyList<string> Substates,
    IReadOnlyList<TransitionInfo> Transitions,
    IReadOnlyList<IgnoredTriggerInfo> IgnoredTriggers,
    IReadOnlyList<ActionInfo> EntryActions,
    IReadOnlyList<ActionInfo> ExitActions);
