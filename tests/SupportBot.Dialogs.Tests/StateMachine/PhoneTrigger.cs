namespace SupportBot.Dialogs.Tests.StateMachine;

/// <summary>Triggers of the telephone-call example.</summary>
public enum PhoneTrigger
{
    CallDialed,
    CallConnected,
    LeftMessage,
    PlacedOnHold,
    TakenOffHold,
    HungUp,
    PhoneHurledAgainstWall,
}
