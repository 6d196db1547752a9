namespace SupportBot.Dialogs.StateMachine;

/// <summary>
/// A small hierarchical state machine with the shape of the Stateless library, so that a conversation is
/// declared as one table of states and triggers (and drawn from it) instead of being implied by code paths,
/// and Stateless can be dropped in later.
/// </summary>
/// <remarks>
/// <para>
/// The engine is pure and synchronous: guards and actions should only decide and record, while the host
/// performs the effects. A trigger is looked up in the current state, then in its superstates; the innermost
/// state with a row whose guard holds wins. Within one state at most one guard for a trigger may hold;
/// more is a configuration bug and throws.
/// </para>
/// <para>
/// Not thread-safe, by design: a machine is built for one conversation turn and used by one thread.
/// <see cref="Fire"/> may not be called from inside a guard, an action or a callback of the same machine.
/// </para>
/// </remarks>
/// <typeparam name="TState">The state enum.</typeparam>
/// <typeparam name="TTrigger">The trigger enum.</typeparam>
public sealed partial class StateMachine<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private static readonly EqualityComparer<TState> s_stateComparer = EqualityComparer<TState>.Default;

    private readonly Func<TState> _stateAccessor;
    private readonly Action<TState> _stateMutator;
    private readonly TState _initialState;
    private readonly Dictionary<TState, StateConfiguration<TState, TTrigger>> _configurations = [];
    private readonly List<StateConfiguration<TState, TTrigger>> _configurationOrder = [];
    private readonly List<Action<Transition<TState, TTrigger>>> _transitionedActions = [];
    private Action<TState, TTrigger, IReadOnlyList<string>>? _unhandledTriggerAction;
    private TState _ownState;
    private bool _isFiring;

    /// <summary>
    /// Creates a machine whose state lives outside it, e.g. in the persisted conversation, so that the stored
    /// state is always the truth and nothing has to be copied back after a turn.
    /// </summary>
    /// <remarks>The accessor is read once here to record the initial state that <see cref="GetInfo"/> reports.</remarks>
    /// <param name="stateAccessor">Reads the current state.</param>
    /// <param name="stateMutator">Writes the new state; called before entry actions run.</param>
    public StateMachine(Func<TState> stateAccessor, Action<TState> stateMutator)
    {
        ArgumentNullException.ThrowIfNull(stateAccessor);
        ArgumentNullException.ThrowIfNull(stateMutator);
        _stateAccessor = stateAccessor;
        _stateMutator = stateMutator;
        _initialState = stateAccessor();
    }

    /// <summary>Creates a machine that keeps its state itself, starting in <paramref name="initialState"/>; no entry action runs.</summary>
    /// <param name="initialState">The state to start in.</param>
    public StateMachine(TState initialState)
    {
        _ownState = initialState;
        _initialState = initialState;
        _stateAccessor = () => _ownState;
        _stateMutator = state => _ownState = state;
    }

    /// <summary>The current state, read through the accessor on every call.</summary>
    public TState State => _stateAccessor();

    /// <summary>
    /// The triggers <see cref="Fire"/> would accept now (permitted, re-entered or ignored), in enum order.
    /// Guards are evaluated on every read.
    /// </summary>
    /// <exception cref="InvalidOperationException">More than one guard holds for a trigger in one state.</exception>
    public IReadOnlyList<TTrigger> PermittedTriggers
    {
        get
        {
            var state = State;
            var candidates = new HashSet<TTrigger>();
            for (var configuration = Find(state); configuration is not null; configuration = configuration.Superstate)
            {
                foreach (var row in configuration.Behaviours)
                {
                    candidates.Add(row.Trigger);
                }
            }

            var permitted = candidates.Where(trigger => Resolve(state, trigger).Row is not null).ToList();
            permitted.Sort(Comparer<TTrigger>.Default);
            return permitted;
        }
    }

    /// <summary>
    /// Returns the table for <paramref name="state"/>, creating it on first use; later calls return the same
    /// object, so a state may be configured in several places.
    /// </summary>
    public StateConfiguration<TState, TTrigger> Configure(TState state)
    {
        if (!_configurations.TryGetValue(state, out var configuration))
        {
            configuration = new StateConfiguration<TState, TTrigger>(this, state);
            _configurations.Add(state, configuration);
            _configurationOrder.Add(configuration);
        }

        return configuration;
    }

    /// <summary>
    /// Whether the machine is in <paramref name="state"/> or in one of its substates, so that callers can ask
    /// about a phase of the conversation (e.g. "verifying") without listing its steps.
    /// </summary>
    public bool IsInState(TState state)
    {
        var current = State;
        if (s_stateComparer.Equals(current, state))
        {
            return true;
        }

        for (var configuration = Find(current)?.Superstate; configuration is not null; configuration = configuration.Superstate)
        {
            if (configuration.Is(state))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <see cref="Fire"/> would accept <paramref name="trigger"/> now; evaluates the guards.</summary>
    /// <exception cref="InvalidOperationException">More than one guard holds for the trigger in one state.</exception>
    public bool CanFire(TTrigger trigger) => Resolve(State, trigger).Row is not null;

    /// <summary>
    /// Fires <paramref name="trigger"/>: exits the states being left (innermost first), sets the new state,
    /// enters the states being entered (outermost first), then reports the transition.
    /// </summary>
    /// <remarks>
    /// An ignored trigger does nothing. A trigger that no state handles, or whose guards all fail, is passed to
    /// the <see cref="OnUnhandledTrigger"/> action when one is set.
    /// </remarks>
    /// <exception cref="InvalidOperationException">
    /// The trigger is not handled and no <see cref="OnUnhandledTrigger"/> action is set; more than one guard
    /// holds for it in one state; or <see cref="Fire"/> was called from inside a guard, an action or a callback.
    /// </exception>
    public void Fire(TTrigger trigger)
    {
        if (_isFiring)
        {
            throw new InvalidOperationException(
                $"Trigger '{trigger}' was fired while another trigger was being handled. Guards, actions and callbacks must not fire triggers; let the host fire the next one after this call returns.");
        }

        _isFiring = true;
        try
        {
            FireCore(trigger);
        }
        finally
        {
            _isFiring = false;
        }
    }

    /// <summary>
    /// Replaces the default reaction to an unhandled trigger (an <see cref="InvalidOperationException"/>), e.g.
    /// to reprompt the user. The action receives the state, the trigger and the descriptions of the guards
    /// that failed (empty when no state has a row for the trigger).
    /// </summary>
    public void OnUnhandledTrigger(Action<TState, TTrigger, IReadOnlyList<string>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _unhandledTriggerAction = action;
    }

    /// <summary>
    /// Registers an action called after every completed transition, reentry included and ignored triggers
    /// excluded, e.g. to write the audit log. Actions run in registration order.
    /// </summary>
    /// <remarks>It runs after the entry actions; Stateless's <c>OnTransitioned</c> runs before them (its <c>OnTransitionCompleted</c> after).</remarks>
    public void OnTransitioned(Action<Transition<TState, TTrigger>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _transitionedActions.Add(action);
    }

    private void FireCore(TTrigger trigger)
    {
        var source = State;
        var (row, unmetGuards) = Resolve(source, trigger);
        if (row is null)
        {
            HandleUnhandled(source, trigger, unmetGuards);
            return;
        }

        if (row.Kind == TriggerBehaviourKind.Ignore)
        {
            return;
        }

        var destination = row.Destination;
        var transition = new Transition<TState, TTrigger>(source, destination, trigger);
        var (exits, entries) = row.Kind == TriggerBehaviourKind.Reentry || s_stateComparer.Equals(source, destination)
            ? ReentryPath(source, destination)
            : TransitionPath(source, destination);

        foreach (var state in exits)
        {
            Find(state)?.ExecuteExitActions(transition);
        }

        _stateMutator(destination);

        foreach (var state in entries)
        {
            Find(state)?.ExecuteEntryActions(transition);
        }

        foreach (var action in _transitionedActions)
        {
            action(transition);
        }
    }

    /// <summary>
    /// Finds the row that handles <paramref name="trigger"/> in <paramref name="state"/>: the innermost state
    /// with a row whose guard holds. Collects the failed guards of every state on the way for the message.
    /// </summary>
    private Resolution Resolve(TState state, TTrigger trigger)
    {
        List<string>? unmetGuards = null;
        for (var configuration = Find(state); configuration is not null; configuration = configuration.Superstate)
        {
            var rows = configuration.BehavioursFor(trigger);
            if (rows is null)
            {
                continue;
            }

            TriggerBehaviour<TState, TTrigger>? passed = null;
            List<TriggerBehaviour<TState, TTrigger>>? alsoPassed = null;
            foreach (var row in rows)
            {
                if (!row.GuardPasses())
                {
                    (unmetGuards ??= []).Add(row.Describe());
                }
                else if (passed is null)
                {
                    passed = row;
                }
                else
                {
                    (alsoPassed ??= []).Add(row);
                }
            }

            if (alsoPassed is not null && passed is not null)
            {
                var names = string.Join(", ", alsoPassed.Prepend(passed).Select(row => $"'{row.Describe()}'"));
                throw new InvalidOperationException(
                    $"More than one guard holds for trigger '{trigger}' in state '{configuration.State}' (current state '{state}'): {names}. " +
                    "Guards for one trigger in one state must be mutually exclusive.");
            }

            if (passed is not null)
            {
                return new(passed, []);
            }
        }

        return new(null, unmetGuards ?? (IReadOnlyList<string>)[]);
    }

    private void HandleUnhandled(TState state, TTrigger trigger, IReadOnlyList<string> unmetGuards)
    {
        if (_unhandledTriggerAction is not null)
        {
            _unhandledTriggerAction(state, trigger, unmetGuards);
            return;
        }

        if (unmetGuards.Count == 0)
        {
            throw new InvalidOperationException(
                $"Trigger '{trigger}' is not permitted in state '{state}': neither the state nor a superstate permits, re-enters or ignores it.");
        }

        var names = string.Join(", ", unmetGuards.Select(guard => $"'{guard}'"));
        throw new InvalidOperationException(
            $"Trigger '{trigger}' is not permitted in state '{state}' because no guard holds. Unmet guards: {names}.");
    }

    /// <summary>
    /// The states to exit and enter for a reentry of <paramref name="destination"/> from
    /// <paramref name="source"/> (the destination itself or one of its substates): every state from the source
    /// up to and including the destination is exited, and only the destination is entered.
    /// </summary>
    private (IReadOnlyList<TState> Exits, IReadOnlyList<TState> Entries) ReentryPath(TState source, TState destination)
    {
        var exits = new List<TState>();
        foreach (var state in PathToRoot(source))
        {
            exits.Add(state);
            if (s_stateComparer.Equals(state, destination))
            {
                break;
            }
        }

        return (exits, [destination]);
    }

    /// <summary>
    /// The states to exit and enter between two different states: everything below their closest common
    /// ancestor, so that moving between two substates of one superstate leaves the superstate entered.
    /// </summary>
    private (IReadOnlyList<TState> Exits, IReadOnlyList<TState> Entries) TransitionPath(TState source, TState destination)
    {
        var sourcePath = PathToRoot(source);
        var destinationPath = PathToRoot(destination);
        var exits = sourcePath.TakeWhile(state => !destinationPath.Contains(state, s_stateComparer)).ToList();
        var entries = destinationPath.TakeWhile(state => !sourcePath.Contains(state, s_stateComparer)).Reverse().ToList();
        return (exits, entries);
    }

    /// <summary>The state followed by its superstates, innermost first.</summary>
    private List<TState> PathToRoot(TState state)
    {
        var path = new List<TState> { state };
        for (var configuration = Find(state)?.Superstate; configuration is not null; configuration = configuration.Superstate)
        {
            path.Add(configuration.State);
        }

        return path;
    }

    private StateConfiguration<TState, TTrigger>? Find(TState state) =>
        _configurations.TryGetValue(state, out var configuration) ? configuration : null;

    /// <summary>The row that handles a trigger, or none and the guards that failed on the way.</summary>
    private readonly record struct Resolution(TriggerBehaviour<TState, TTrigger>? Row, IReadOnlyList<string> UnmetGuards);
}
