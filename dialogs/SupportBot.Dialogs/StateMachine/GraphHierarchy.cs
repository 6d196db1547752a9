namespace SupportBot.Dialogs.StateMachine;

/// <summary>
/// Walks the states of a <see cref="StateMachineInfo"/> as a tree, shared by the Mermaid and DOT writers so
/// both diagrams nest states identically and in configuration order.
/// </summary>
internal static class GraphHierarchy
{
    /// <summary>
    /// Visits every state once, parents before children: <paramref name="enter"/> gets the state, its depth and
    /// whether it has substates to draw; <paramref name="leave"/> is called after a composite's substates.
    /// </summary>
    public static void Walk(StateMachineInfo info, Action<StateInfo, int, bool> enter, Action<StateInfo, int> leave)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);

        // A state whose superstate is not listed is drawn at the top level rather than lost.
        foreach (var state in info.States.Where(state => state.Superstate is null || info.FindState(state.Superstate) is null))
        {
            Visit(state, 0);
        }

        void Visit(StateInfo state, int depth)
        {
            if (!visited.Add(state.State))
            {
                return;
            }

            var substates = state.Substates
                .Select(info.FindState)
                .OfType<StateInfo>()
                .Where(substate => !visited.Contains(substate.State))
                .ToList();
            enter(state, depth, substates.Count > 0);
            if (substates.Count == 0)
            {
                return;
            }

            foreach (var substate in substates)
            {
                Visit(substate, depth + 1);
            }

            leave(state, depth);
        }
    }

    /// <summary>The edge label: the trigger, then the guard description in brackets when there is one.</summary>
    public static string Label(TransitionInfo transition, Func<string, string> escape) =>
        transition.GuardDescription is null
            ? escape(transition.Trigger)
            : $"{escape(transition.Trigger)} [{escape(transition.GuardDescription)}]";
}
