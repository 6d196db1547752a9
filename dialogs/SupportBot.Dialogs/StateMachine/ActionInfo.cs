namespace SupportBot.Dialogs.StateMachine;

/// <summary>An entry or exit action of a <see cref="StateInfo"/>, described without running it.</summary>
/// <param name="Description">The description given when configured, the method name, or <c>(unnamed)</c> for a lambda.</param>
/// <param name="FromTrigger">For an entry action configured with OnEntryFrom, the trigger it is limited to; otherwise <see langword="null"/>.</param>
public sealed record ActionInfo(string Description, string? FromTrigger);
