namespace SupportBot.Dialogs.StateMachine;

/// <summary>
/// An entry or exit action with the description the reflection model shows, so that the diagram and the
/// completeness tests can name actions without invoking them.
/// </summary>
internal sealed class StateAction<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private const string UnnamedDescription = "(unnamed)";

    private readonly Action<Transition<TState, TTrigger>> _action;

    public StateAction(Action<Transition<TState, TTrigger>> action, string? description, TTrigger? fromTrigger)
    {
        _action = action;
        Description = description ?? Describe(action);
        FromTrigger = fromTrigger;
    }

    public string Description { get; }

    /// <summary>For an entry action, the only trigger it runs for; <see langword="null"/> runs it for every trigger.</summary>
    public TTrigger? FromTrigger { get; }

    public void Execute(Transition<TState, TTrigger> transition)
    {
        if (FromTrigger is { } only && !EqualityComparer<TTrigger>.Default.Equals(only, transition.Trigger))
        {
            return;
        }

        _action(transition);
    }

    // Lambdas compile to names like "<Build>b__0_1" that change with unrelated edits, so only real method
    // names are used as a fallback description; the diagram snapshot must not churn.
    private static string Describe(Delegate action)
    {
        var name = action.Method.Name;
        return name.AsSpan().IndexOfAny('<', '>') >= 0 ? UnnamedDescription : name;
    }
}
