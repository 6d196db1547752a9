namespace SupportBot.Dialogs.StateMachine;

/// <summary>
/// One move of a <see cref="StateMachine{TState, TTrigger}"/>, handed to entry and exit actions and to
/// <see cref="StateMachine{TState, TTrigger}.OnTransitioned"/> so that they can tell where the machine came
/// from and why without reading the state themselves.
/// </summary>
/// <param name="Source">The state the machine was in when the trigger was fired.</param>
/// <param name="Destination">The state the machine is in after the transition.</param>
/// <param name="Trigger">The trigger that caused the transition.</param>
public sealed record Transition<TState, TTrigger>(TState Source, TState Destination, TTrigger Trigger)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>
    /// Whether the machine left a state and entered the same state again, so that entry actions can tell a
    /// retry (for example a resent code) from a first arrival.
    /// </summary>
    public bool IsReentry => EqualityComparer<TState>.Default.Equals(Source, Destination);
}
