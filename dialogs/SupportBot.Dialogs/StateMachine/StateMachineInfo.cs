namespace SupportBot.Dialogs.StateMachine;

/// <summary>
/// A read-only, non-generic picture of a machine's configuration, so that diagrams and completeness tests
/// can be written once for every machine and never have to fire a trigger or evaluate a guard.
/// </summary>
/// <remarks>
/// States and triggers are the names of the enum values. <see cref="States"/> lists the configured states
/// in the order they were first configured (a superstate counts as configured when a substate names it), then
/// the states that are never configured but referenced: the initial state, then destinations in configuration
/// order.
/// </remarks>
/// <param name="InitialState">The state the machine was in when it was constructed.</param>
/// <param name="States">Every configured or referenced state.</param>
/// <param name="StateType">The state enum.</param>
/// <param name="TriggerType">The trigger enum.</param>
public sealed record StateMachineInfo(string InitialState, IReadOnlyList<StateInfo> States, Type StateType, Type TriggerType);
