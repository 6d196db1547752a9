namespace SupportBot.Dialogs.StateMachine;

/// <summary>
/// One row of a state's table: what a trigger does there and under which guard. Kept separate from
/// <see cref="StateConfiguration{TState, TTrigger}"/> so the fluent API stays small and the engine reads
/// the rows directly.
/// </summary>
internal sealed class TriggerBehaviour<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Func<bool>? _guard;

    public TriggerBehaviour(TriggerBehaviourKind kind, TTrigger trigger, TState destination, Func<bool>? guard, string? guardDescription)
    {
        Kind = kind;
        Trigger = trigger;
        Destination = destination;
        _guard = guard;
        GuardDescription = guardDescription;
    }

    public TriggerBehaviourKind Kind { get; }

    public TTrigger Trigger { get; }

    /// <summary>The target state; for a reentry or an ignore it is the configured state itself.</summary>
    public TState Destination { get; }

    /// <summary>The human description of the guard, or <see langword="null"/> when the row is unguarded.</summary>
    public string? GuardDescription { get; }

    public bool IsGuarded => _guard is not null;

    /// <summary>Evaluates the guard; an unguarded row always passes.</summary>
    public bool GuardPasses() => _guard is null || _guard();

    /// <summary>A name for runtime messages: the guard description, or the kind for an unguarded row.</summary>
    public string Describe() => GuardDescription ?? $"unguarded {Kind}";

    /// <summary>The configuration call that produced this row, for configuration error messages.</summary>
    public string DescribeConfiguration()
    {
        var call = Kind switch
        {
            TriggerBehaviourKind.Permit => IsGuarded ? $"PermitIf to '{Destination}'" : $"Permit to '{Destination}'",
            TriggerBehaviourKind.Reentry => IsGuarded ? "PermitReentryIf" : "PermitReentry",
            _ => IsGuarded ? "IgnoreIf" : "Ignore",
        };
        return IsGuarded ? $"{call} ('{GuardDescription}')" : call;
    }
}
