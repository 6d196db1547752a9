namespace SupportBot.Dialogs.Tests.StateMachine;

/// <summary>States of the telephone-call example that Stateless uses, small enough to read a whole diagram.</summary>
public enum PhoneState
{
    OffHook,
    Ringing,
    Connected,
    OnHold,
    PhoneDestroyed,
}
