namespace SupportBot.Dialogs.StateMachine;

/// <summary>
/// An ignored trigger of a <see cref="StateInfo"/>. Listed so completeness checks know the state handles it,
/// although diagrams leave it out.
/// </summary>
/// <param name="Trigger">The trigger's name.</param>
/// <param name="GuardDescription">The guard's description, or <see langword="null"/> when unguarded.</param>
public sealed record IgnoredTriggerInfo(string Trigger, string? GuardDescription);
