namespace SupportBot.Dialogs.StateMachine;

/// <summary>
/// The fluent table for one state: which triggers it permits, re-enters or ignores, what runs on entry and
/// exit, and which superstate it belongs to. Declaring all of this next to the state keeps the flow readable
/// as one table and lets <see cref="StateMachine{TState, TTrigger}.GetInfo"/> draw it.
/// </summary>
/// <remarks>
/// Obtained from <see cref="StateMachine{TState, TTrigger}.Configure"/>, which returns the same instance for a
/// state every time, so a state may be configured in several places. Conflicting rows are rejected when they
/// are configured rather than when a user happens to hit them: an unguarded <see cref="Permit"/>,
/// <see cref="PermitReentry"/> or <see cref="Ignore"/> must be the only row for its trigger in a state.
/// </remarks>
public sealed class StateConfiguration<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly StateMachine<TState, TTrigger> _machine;
    private readonly List<TriggerBehaviour<TState, TTrigger>> _behaviours = [];
    private readonly Dictionary<TTrigger, List<TriggerBehaviour<TState, TTrigger>>> _behavioursByTrigger = [];
    private readonly List<StateAction<TState, TTrigger>> _entryActions = [];
    private readonly List<StateAction<TState, TTrigger>> _exitActions = [];
    private readonly List<StateConfiguration<TState, TTrigger>> _substates = [];

    internal StateConfiguration(StateMachine<TState, TTrigger> machine, TState state)
    {
        _machine = machine;
        State = state;
    }

    internal TState State { get; }

    internal StateConfiguration<TState, TTrigger>? Superstate { get; private set; }

    internal IReadOnlyList<StateConfiguration<TState, TTrigger>> Substates => _substates;

    /// <summary>Every row in configuration order, for the reflection model.</summary>
    internal IReadOnlyList<TriggerBehaviour<TState, TTrigger>> Behaviours => _behaviours;

    internal IReadOnlyList<StateAction<TState, TTrigger>> EntryActions => _entryActions;

    internal IReadOnlyList<StateAction<TState, TTrigger>> ExitActions => _exitActions;

    /// <summary>Moves to <paramref name="destination"/> when <paramref name="trigger"/> is fired in this state.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is this state; use <see cref="PermitReentry"/> or <see cref="Ignore"/>.</exception>
    /// <exception cref="InvalidOperationException">The trigger already has a row in this state.</exception>
    public StateConfiguration<TState, TTrigger> Permit(TTrigger trigger, TState destination)
    {
        EnsureNotSelf(destination);
        return Add(new(TriggerBehaviourKind.Permit, trigger, destination, null, null));
    }

    /// <summary>
    /// Moves to <paramref name="destination"/> when <paramref name="trigger"/> is fired and
    /// <paramref name="guard"/> holds; the description is what error messages and diagrams show.
    /// </summary>
    /// <remarks>Several guarded rows may share a trigger, but at most one guard may hold when it is fired.</remarks>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is this state, or the description is empty.</exception>
    /// <exception cref="InvalidOperationException">The trigger already has an unguarded row in this state.</exception>
    public StateConfiguration<TState, TTrigger> PermitIf(TTrigger trigger, TState destination, Func<bool> guard, string guardDescription)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentException.ThrowIfNullOrWhiteSpace(guardDescription);
        EnsureNotSelf(destination);
        return Add(new(TriggerBehaviourKind.Permit, trigger, destination, guard, guardDescription));
    }

    /// <summary>
    /// Leaves this state and enters it again when <paramref name="trigger"/> is fired, running its exit and
    /// then its entry actions, e.g. to send a prompt again.
    /// </summary>
    /// <remarks>
    /// Fired from a substate, the substates are left too and the machine ends in this state, as in Stateless.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The trigger already has a row in this state.</exception>
    public StateConfiguration<TState, TTrigger> PermitReentry(TTrigger trigger) =>
        Add(new(TriggerBehaviourKind.Reentry, trigger, State, null, null));

    /// <summary>Like <see cref="PermitReentry"/>, but only while <paramref name="guard"/> holds.</summary>
    /// <exception cref="ArgumentException">The description is empty.</exception>
    /// <exception cref="InvalidOperationException">The trigger already has an unguarded row in this state.</exception>
    public StateConfiguration<TState, TTrigger> PermitReentryIf(TTrigger trigger, Func<bool> guard, string guardDescription)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentException.ThrowIfNullOrWhiteSpace(guardDescription);
        return Add(new(TriggerBehaviourKind.Reentry, trigger, State, guard, guardDescription));
    }

    /// <summary>
    /// Accepts <paramref name="trigger"/> in this state and does nothing: no actions, no transition event.
    /// This is how a state says "I know about this trigger", so completeness checks do not flag it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The trigger already has a row in this state.</exception>
    public StateConfiguration<TState, TTrigger> Ignore(TTrigger trigger) =>
        Add(new(TriggerBehaviourKind.Ignore, trigger, State, null, null));

    /// <summary>Like <see cref="Ignore"/>, but only while <paramref name="guard"/> holds.</summary>
    /// <exception cref="ArgumentException">The description is empty.</exception>
    /// <exception cref="InvalidOperationException">The trigger already has an unguarded row in this state.</exception>
    public StateConfiguration<TState, TTrigger> IgnoreIf(TTrigger trigger, Func<bool> guard, string guardDescription)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentException.ThrowIfNullOrWhiteSpace(guardDescription);
        return Add(new(TriggerBehaviourKind.Ignore, trigger, State, guard, guardDescription));
    }

    /// <summary>
    /// Runs <paramref name="action"/> whenever the machine enters this state, after the state has been set;
    /// actions run in the order they were configured.
    /// </summary>
    /// <param name="action">The action; it receives the transition being made.</param>
    /// <param name="description">What the reflection model shows; defaults to the method name.</param>
    public StateConfiguration<TState, TTrigger> OnEntry(Action<Transition<TState, TTrigger>> action, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        _entryActions.Add(new(action, description, null));
        return this;
    }

    /// <summary>Runs <paramref name="action"/> when this state is entered because of <paramref name="trigger"/> only.</summary>
    /// <param name="trigger">The trigger the action is limited to.</param>
    /// <param name="action">The action; it receives the transition being made.</param>
    /// <param name="description">What the reflection model shows; defaults to the method name.</param>
    public StateConfiguration<TState, TTrigger> OnEntryFrom(TTrigger trigger, Action<Transition<TState, TTrigger>> action, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        _entryActions.Add(new(action, description, trigger));
        return this;
    }

    /// <summary>
    /// Runs <paramref name="action"/> whenever the machine leaves this state, before the state changes;
    /// actions run in the order they were configured.
    /// </summary>
    /// <param name="action">The action; it receives the transition being made.</param>
    /// <param name="description">What the reflection model shows; defaults to the method name.</param>
    public StateConfiguration<TState, TTrigger> OnExit(Action<Transition<TState, TTrigger>> action, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        _exitActions.Add(new(action, description, null));
        return this;
    }

    /// <summary>
    /// Makes this state a substate of <paramref name="superstate"/>, so that triggers this state does not
    /// handle fall through to the superstate, and moves between substates keep the superstate entered.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="superstate"/> is this state.</exception>
    /// <exception cref="InvalidOperationException">This state already has another superstate, or the hierarchy would become a cycle.</exception>
    public StateConfiguration<TState, TTrigger> SubstateOf(TState superstate)
    {
        if (Is(superstate))
        {
            throw new ArgumentException($"State '{State}' cannot be a substate of itself.", nameof(superstate));
        }

        if (Superstate is not null)
        {
            if (Superstate.Is(superstate))
            {
                return this;
            }

            throw new InvalidOperationException(
                $"State '{State}' is already a substate of '{Superstate.State}' and cannot also be a substate of '{superstate}'.");
        }

        var parent = _machine.Configure(superstate);
        for (var ancestor = parent; ancestor is not null; ancestor = ancestor.Superstate)
        {
            if (ancestor.Is(State))
            {
                throw new InvalidOperationException(
                    $"Making state '{State}' a substate of '{superstate}' would create a cycle, because '{superstate}' is already inside '{State}'.");
            }
        }

        Superstate = parent;
        parent._substates.Add(this);
        return this;
    }

    /// <summary>The rows for <paramref name="trigger"/> in this state only, in configuration order.</summary>
    internal IReadOnlyList<TriggerBehaviour<TState, TTrigger>>? BehavioursFor(TTrigger trigger) =>
        _behavioursByTrigger.TryGetValue(trigger, out var rows) ? rows : null;

    internal bool Is(TState state) => EqualityComparer<TState>.Default.Equals(State, state);

    internal void ExecuteEntryActions(Transition<TState, TTrigger> transition)
    {
        foreach (var action in _entryActions)
        {
            action.Execute(transition);
        }
    }

    internal void ExecuteExitActions(Transition<TState, TTrigger> transition)
    {
        foreach (var action in _exitActions)
        {
            action.Execute(transition);
        }
    }

    private void EnsureNotSelf(TState destination)
    {
        if (Is(destination))
        {
            throw new ArgumentException(
                $"State '{State}' cannot permit a transition to itself; use PermitReentry to leave and enter it again, or Ignore to stay without running actions.",
                nameof(destination));
        }
    }

    private StateConfiguration<TState, TTrigger> Add(TriggerBehaviour<TState, TTrigger> row)
    {
        if (_behavioursByTrigger.TryGetValue(row.Trigger, out var rows))
        {
            // An unguarded row always passes, so next to any other row for the same trigger it either
            // makes that row dead or makes the trigger ambiguous whenever that row's guard holds.
            var conflict = rows.Find(existing => !existing.IsGuarded) ?? (row.IsGuarded ? null : rows[0]);
            if (conflict is not null)
            {
                throw new InvalidOperationException(
                    $"Trigger '{row.Trigger}' in state '{State}' cannot be configured as {row.DescribeConfiguration()}: " +
                    $"it is already configured as {conflict.DescribeConfiguration()}. An unguarded Permit, PermitReentry or Ignore " +
                    "must be the only row for its trigger in a state; use guarded rows with mutually exclusive guards instead.");
            }

            rows.Add(row);
        }
        else
        {
            _behavioursByTrigger.Add(row.Trigger, [row]);
        }

        _behaviours.Add(row);
        return this;
    }
}
