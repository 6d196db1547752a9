namespace SupportBot.Dialogs.Tests.StateMachine;

/// <summary>Neutral triggers for tests of one rule at a time.</summary>
public enum TestTrigger
{
    X,
    Y,
    Z,
}
