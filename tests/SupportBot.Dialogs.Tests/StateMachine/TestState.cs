namespace SupportBot.Dialogs.Tests.StateMachine;

/// <summary>Neutral states for tests of one rule at a time.</summary>
public enum TestState
{
    A,
    B,
    C,
    D,
    E,
}
