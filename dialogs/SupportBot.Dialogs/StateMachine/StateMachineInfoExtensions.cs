namespace SupportBot.Dialogs.StateMachine;

/// <summary>
/// Queries over a <see cref="StateMachineInfo"/> for completeness tests: the house rule is that every
/// state × trigger pair is explicitly permitted, re-entered or ignored, and these helpers find the gaps.
/// </summary>
/// <remarks>
/// They read the configuration only, so a guarded row counts as handling its trigger even though, at run
/// time, all its guards may fail and the trigger then goes to the unhandled-trigger action.
/// </remarks>
public static class StateMachineInfoExtensions
{
    /// <summary>The state named <paramref name="state"/>, or <see langword="null"/> when the info does not list it.</summary>
    public static StateInfo? FindState(this StateMachineInfo info, string state)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(state);
        foreach (var candidate in info.States)
        {
            if (string.Equals(candidate.State, state, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="state"/> or one of its superstates permits, re-enters or ignores
    /// <paramref name="trigger"/>; the same lookup <see cref="StateMachine{TState, TTrigger}.Fire"/> makes.
    /// </summary>
    /// <returns><see langword="false"/> also when the info does not list the state.</returns>
    public static bool HandlesTrigger(this StateMachineInfo info, string state, string trigger)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(trigger);

        // The info is a public record that could be built by hand, so guard against a superstate cycle.
        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (var current = info.FindState(state); current is not null && visited.Add(current.State);
             current = current.Superstate is null ? null : info.FindState(current.Superstate))
        {
            if (current.Transitions.Any(transition => string.Equals(transition.Trigger, trigger, StringComparison.Ordinal))
                || current.IgnoredTriggers.Any(ignored => string.Equals(ignored.Trigger, trigger, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The (state, trigger) pairs, over the listed states and <paramref name="allTriggers"/>, that neither the
    /// state nor a superstate permits, re-enters or ignores; in state order, then trigger order.
    /// </summary>
    public static IReadOnlyList<(string State, string Trigger)> UnhandledPairs(this StateMachineInfo info, IEnumerable<string> allTriggers)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(allTriggers);
        return Unhandled(info, info.States.Select(state => state.State), allTriggers.ToList());
    }

    /// <summary>
    /// The unhandled (state, trigger) pairs over every value of <see cref="StateMachineInfo.StateType"/> and
    /// <see cref="StateMachineInfo.TriggerType"/>, so a state or trigger the configuration never mentions is
    /// reported too; in enum order.
    /// </summary>
    public static IReadOnlyList<(string State, string Trigger)> UnhandledPairs(this StateMachineInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return Unhandled(info, NamesOf(info.StateType), NamesOf(info.TriggerType).ToList());
    }

    private static List<(string State, string Trigger)> Unhandled(StateMachineInfo info, IEnumerable<string> states, List<string> triggers) =>
        states
            .SelectMany(state => triggers.Select(trigger => (State: state, Trigger: trigger)))
            .Where(pair => !info.HandlesTrigger(pair.State, pair.Trigger))
            .ToList();

    // Values, not names, so that an alias (two names for one value) is reported once, as ToString names it.
    private static IEnumerable<string> NamesOf(Type enumType) =>
        Enum.GetValues(enumType).Cast<object>().Select(value => value.ToString()!).Distinct(StringComparer.Ordinal);
}
