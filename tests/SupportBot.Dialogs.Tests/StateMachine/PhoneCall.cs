using SupportBot.Dialogs.StateMachine;

namespace SupportBot.Dialogs.Tests.StateMachine;

/// <summary>
/// The telephone-call example configured with every kind of row (guarded, reentry, ignore, superstate), its
/// state kept outside the machine as a conversation would keep it, and every action written to a log.
/// </summary>
internal sealed class PhoneCall
{
    public const string CreditGuard = "credit > 0; \"prepaid\"";
    public const string NoCreditGuard = "no credit";

    public PhoneCall(PhoneState initialState = PhoneState.OffHook)
    {
        State = initialState;
        Machine = new StateMachine<PhoneState, PhoneTrigger>(() => State, state => State = state);

        Machine.Configure(PhoneState.OffHook)
            .PermitIf(PhoneTrigger.CallDialed, PhoneState.Ringing, () => Credit > 0, CreditGuard)
            .IgnoreIf(PhoneTrigger.CallDialed, () => Credit <= 0, NoCreditGuard)
            .Ignore(PhoneTrigger.HungUp);

        Machine.Configure(PhoneState.Ringing)
            .Permit(PhoneTrigger.CallConnected, PhoneState.Connected)
            .Permit(PhoneTrigger.HungUp, PhoneState.OffHook)
            .PermitReentry(PhoneTrigger.CallDialed)
            .OnEntry(transition => Log.Add($"enter Ringing from {transition.Source}"), "start ringing")
            .OnExit(transition => Log.Add($"exit Ringing to {transition.Destination}"), "stop ringing");

        Machine.Configure(PhoneState.Connected)
            .OnEntry(_ => Log.Add("enter Connected"), "start call timer")
            .OnExit(_ => Log.Add("exit Connected"), "stop call timer")
            .Permit(PhoneTrigger.LeftMessage, PhoneState.OffHook)
            .Permit(PhoneTrigger.HungUp, PhoneState.OffHook)
            .Permit(PhoneTrigger.PlacedOnHold, PhoneState.OnHold);

        Machine.Configure(PhoneState.OnHold)
            .SubstateOf(PhoneState.Connected)
            .OnEntry(_ => Log.Add("enter OnHold"), "play music")
            .OnExit(_ => Log.Add("exit OnHold"), "stop music")
            .Permit(PhoneTrigger.TakenOffHold, PhoneState.Connected)
            .Permit(PhoneTrigger.PhoneHurledAgainstWall, PhoneState.PhoneDestroyed);
    }

    /// <summary>The externally stored state, as a persisted conversation would hold it.</summary>
    public PhoneState State { get; set; }

    public int Credit { get; set; } = 1;

    public List<string> Log { get; } = [];

    public StateMachine<PhoneState, PhoneTrigger> Machine { get; }
}
