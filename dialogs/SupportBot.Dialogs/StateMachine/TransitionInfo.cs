namespace SupportBot.Dialogs.StateMachine;

/// <summary>A permitted or re-entering trigger of a <see cref="StateInfo"/>, as drawn in the diagrams.</summary>
/// <param name="Trigger">The trigger's name.</param>
/// <param name="Destination">The target state's name; for a reentry, the configured state itself.</param>
/// <param name="GuardDescription">The guard's description, or <see langword="null"/> when unguarded.</param>
/// <param name="IsReentry">Whether the state is left and entered again (PermitReentry).</param>
public sealed record TransitionInfo(string Trigger, string Destination, string? GuardDescription, bool IsReentry);
