namespace SupportBot.Dialogs.StateMachine;

public sealed partial class StateMachine<TState, TTrigger>
{
    /// <summary>
    /// Describes the configuration as a <see cref="StateMachineInfo"/>, so that diagrams are generated from the
    /// code and tests can check the table without firing triggers. No guard or action is invoked.
    /// </summary>
    public StateMachineInfo GetInfo()
    {
        var states = _configurationOrder.Select(ToInfo).ToList();

        // States that are only referenced still belong in the picture: an unconfigured initial state or a
        // final state with no rows of its own.
        var referenced = _configurationOrder
            .SelectMany(configuration => configuration.Behaviours)
            .Where(row => row.Kind == TriggerBehaviourKind.Permit)
            .Select(row => row.Destination)
            .Prepend(_initialState);
        var added = new HashSet<TState>();
        foreach (var state in referenced)
        {
            if (!_configurations.ContainsKey(state) && added.Add(state))
            {
                states.Add(new StateInfo(state.ToString(), null, [], [], [], [], []));
            }
        }

        return new StateMachineInfo(_initialState.ToString(), states, typeof(TState), typeof(TTrigger));
    }

    private static StateInfo ToInfo(StateConfiguration<TState, TTrigger> configuration) =>
        new(
            configuration.State.ToString(),
            configuration.Superstate?.State.ToString(),
            configuration.Substates.Select(substate => substate.State.ToString()).ToList(),
            configuration.Behaviours
                .Where(row => row.Kind != TriggerBehaviourKind.Ignore)
                .Select(row => new TransitionInfo(
                    row.Trigger.ToString(),
                    row.Destination.ToString(),
                    row.GuardDescription,
                    row.Kind == TriggerBehaviourKind.Reentry))
                .ToList(),
            configuration.Behaviours
                .Where(row => row.Kind == TriggerBehaviourKind.Ignore)
                .Select(row => new IgnoredTriggerInfo(row.Trigger.ToString(), row.GuardDescription))
                .ToList(),
            configuration.EntryActions.Select(ToInfo).ToList(),
            configuration.ExitActions.Select(ToInfo).ToList());

    private static ActionInfo ToInfo(StateAction<TState, TTrigger> action) =>
        new(action.Description, action.FromTrigger?.ToString());
}
