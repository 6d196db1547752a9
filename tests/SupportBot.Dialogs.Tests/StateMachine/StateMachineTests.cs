using SupportBot.Dialogs.StateMachine;
using Xunit;

namespace SupportBot.Dialogs.Tests.StateMachine;

public sealed class StateMachineTests
{
    [Fact]
    public void Constructor_WithInitialState_StartsThereWithoutEntryActions()
    {
        var entered = false;
        var machine = new StateMachine<TestState, TestTrigger>(TestState.B);
        machine.Configure(TestState.B).OnEntry(_ => entered = true);

        Assert.Equal(TestState.B, machine.State);
        Assert.False(entered);
    }

    [Fact]
    public void Constructor_NullAccessorOrMutator_Throws()
    {
        Assert.Throws<ArgumentNullException>("stateAccessor", () => new StateMachine<TestState, TestTrigger>(null!, _ => { }));
        Assert.Throws<ArgumentNullException>("stateMutator", () => new StateMachine<TestState, TestTrigger>(() => TestState.A, null!));
    }

    [Fact]
    public void InOffHook_OnCallDialed_MovesToRinging()
    {
        var call = new PhoneCall();

        call.Machine.Fire(PhoneTrigger.CallDialed);

        Assert.Equal(PhoneState.Ringing, call.Machine.State);
    }

    [Fact]
    public void InState_OnPermittedTrigger_OwnStorageHoldsDestination()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A).Permit(TestTrigger.X, TestState.B);
        machine.Configure(TestState.B).Permit(TestTrigger.X, TestState.C);

        machine.Fire(TestTrigger.X);
        machine.Fire(TestTrigger.X);

        Assert.Equal(TestState.C, machine.State);
    }

    [Fact]
    public void ExternalStorage_OnPermittedTrigger_WritesThroughMutator()
    {
        var call = new PhoneCall();

        call.Machine.Fire(PhoneTrigger.CallDialed);

        Assert.Equal(PhoneState.Ringing, call.State);
    }

    [Fact]
    public void ExternalStorage_ChangedOutside_MachineReadsIt()
    {
        var call = new PhoneCall();

        call.State = PhoneState.Connected;
        call.Machine.Fire(PhoneTrigger.PlacedOnHold);

        Assert.Equal(PhoneState.OnHold, call.State);
    }

    [Fact]
    public void ExternalStorage_DuringTransition_StateIsSetAfterExitAndBeforeEntry()
    {
        var stored = TestState.A;
        var seen = new List<string>();
        var machine = new StateMachine<TestState, TestTrigger>(() => stored, state => stored = state);
        machine.Configure(TestState.A)
            .Permit(TestTrigger.X, TestState.B)
            .OnExit(_ => seen.Add($"exit sees {stored}"));
        machine.Configure(TestState.B).OnEntry(_ => seen.Add($"entry sees {stored}"));

        machine.Fire(TestTrigger.X);

        Assert.Equal(["exit sees A", "entry sees B"], seen);
    }

    [Fact]
    public void Configure_SameStateTwice_ReturnsSameObject()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);

        Assert.Same(machine.Configure(TestState.A), machine.Configure(TestState.A));
        Assert.NotSame(machine.Configure(TestState.A), machine.Configure(TestState.B));
    }

    [Fact]
    public void Configure_SameStateInTwoPlaces_BothRowsApply()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A).Permit(TestTrigger.X, TestState.B);
        machine.Configure(TestState.A).Permit(TestTrigger.Y, TestState.C);

        machine.Fire(TestTrigger.Y);

        Assert.Equal(TestState.C, machine.State);
    }

    [Fact]
    public void InState_OnUnconfiguredTrigger_ThrowsNamingStateAndTrigger()
    {
        var call = new PhoneCall();

        var exception = Assert.Throws<InvalidOperationException>(() => call.Machine.Fire(PhoneTrigger.TakenOffHold));

        Assert.Contains("'TakenOffHold'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'OffHook'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(PhoneState.OffHook, call.State);
    }

    [Fact]
    public void InState_OnUnconfiguredTriggerWithUnhandledAction_CallsItWithNoGuardsAndKeepsState()
    {
        var call = new PhoneCall();
        var reports = new List<(PhoneState, PhoneTrigger, IReadOnlyList<string>)>();
        call.Machine.OnUnhandledTrigger((state, trigger, guards) => reports.Add((state, trigger, guards)));

        call.Machine.Fire(PhoneTrigger.TakenOffHold);

        var (state, trigger, guards) = Assert.Single(reports);
        Assert.Equal(PhoneState.OffHook, state);
        Assert.Equal(PhoneTrigger.TakenOffHold, trigger);
        Assert.Empty(guards);
        Assert.Equal(PhoneState.OffHook, call.State);
    }

    [Fact]
    public void OnUnhandledTrigger_SetTwice_LastActionWins()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        var calls = new List<string>();
        machine.OnUnhandledTrigger((_, _, _) => calls.Add("first"));
        machine.OnUnhandledTrigger((_, _, _) => calls.Add("second"));

        machine.Fire(TestTrigger.X);

        Assert.Equal(["second"], calls);
    }

    [Fact]
    public void InOffHook_OnIgnoredTrigger_RemainsWithoutActionsOrTransitionEvent()
    {
        var call = new PhoneCall();
        var transitions = new List<Transition<PhoneState, PhoneTrigger>>();
        call.Machine.OnTransitioned(transitions.Add);
        call.Machine.Configure(PhoneState.OffHook)
            .OnExit(_ => call.Log.Add("exit OffHook"))
            .OnEntry(_ => call.Log.Add("enter OffHook"));

        call.Machine.Fire(PhoneTrigger.HungUp);

        Assert.Equal(PhoneState.OffHook, call.State);
        Assert.Empty(call.Log);
        Assert.Empty(transitions);
    }

    [Fact]
    public void InRinging_OnReentryTrigger_RunsExitThenEntryOfSameState()
    {
        var call = new PhoneCall(PhoneState.Ringing);
        var transitions = new List<Transition<PhoneState, PhoneTrigger>>();
        call.Machine.OnTransitioned(transitions.Add);

        call.Machine.Fire(PhoneTrigger.CallDialed);

        Assert.Equal(PhoneState.Ringing, call.State);
        Assert.Equal(["exit Ringing to Ringing", "enter Ringing from Ringing"], call.Log);
        var transition = Assert.Single(transitions);
        Assert.Equal(new Transition<PhoneState, PhoneTrigger>(PhoneState.Ringing, PhoneState.Ringing, PhoneTrigger.CallDialed), transition);
        Assert.True(transition.IsReentry);
    }

    [Fact]
    public void OnTransitioned_AfterPermit_CalledOnceAfterEntryActionsWithTransition()
    {
        var call = new PhoneCall(PhoneState.Ringing);
        call.Machine.OnTransitioned(transition => call.Log.Add($"transitioned {transition.Source} -> {transition.Destination} on {transition.Trigger}"));

        call.Machine.Fire(PhoneTrigger.CallConnected);

        Assert.Equal(
            ["exit Ringing to Connected", "enter Connected", "transitioned Ringing -> Connected on CallConnected"],
            call.Log);
    }

    [Fact]
    public void OnTransitioned_TwoActions_RunInRegistrationOrder()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A).Permit(TestTrigger.X, TestState.B);
        var calls = new List<string>();
        machine.OnTransitioned(_ => calls.Add("first"));
        machine.OnTransitioned(_ => calls.Add("second"));

        machine.Fire(TestTrigger.X);

        Assert.Equal(["first", "second"], calls);
    }

    [Fact]
    public void Transition_DifferentSourceAndDestination_IsNotReentry()
    {
        Assert.False(new Transition<TestState, TestTrigger>(TestState.A, TestState.B, TestTrigger.X).IsReentry);
        Assert.True(new Transition<TestState, TestTrigger>(TestState.B, TestState.B, TestTrigger.X).IsReentry);
    }

    [Fact]
    public void OnEntryFrom_EnteredByThatTrigger_RunsOnlyThen()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        var log = new List<string>();
        machine.Configure(TestState.A)
            .Permit(TestTrigger.X, TestState.B)
            .Permit(TestTrigger.Y, TestState.B);
        machine.Configure(TestState.B)
            .OnEntry(_ => log.Add("any"))
            .OnEntryFrom(TestTrigger.Y, _ => log.Add("from Y"))
            .Permit(TestTrigger.Z, TestState.A);

        machine.Fire(TestTrigger.X);
        machine.Fire(TestTrigger.Z);
        machine.Fire(TestTrigger.Y);

        Assert.Equal(["any", "any", "from Y"], log);
    }

    [Fact]
    public void CanFire_InOffHook_TrueForPermittedAndIgnoredFalseOtherwise()
    {
        var call = new PhoneCall();

        Assert.True(call.Machine.CanFire(PhoneTrigger.CallDialed));
        Assert.True(call.Machine.CanFire(PhoneTrigger.HungUp));
        Assert.False(call.Machine.CanFire(PhoneTrigger.CallConnected));
    }

    [Fact]
    public void CanFire_DoesNotChangeStateOrRunActions()
    {
        var call = new PhoneCall(PhoneState.Ringing);

        Assert.True(call.Machine.CanFire(PhoneTrigger.CallConnected));

        Assert.Equal(PhoneState.Ringing, call.State);
        Assert.Empty(call.Log);
    }

    [Fact]
    public void PermittedTriggers_InOnHold_IncludeSuperstateTriggersInEnumOrder()
    {
        var call = new PhoneCall(PhoneState.OnHold);

        Assert.Equal(
            [PhoneTrigger.LeftMessage, PhoneTrigger.PlacedOnHold, PhoneTrigger.TakenOffHold, PhoneTrigger.HungUp, PhoneTrigger.PhoneHurledAgainstWall],
            call.Machine.PermittedTriggers);
    }

    [Fact]
    public void PermittedTriggers_InRinging_IncludeReentry()
    {
        var call = new PhoneCall(PhoneState.Ringing);

        Assert.Equal([PhoneTrigger.CallDialed, PhoneTrigger.CallConnected, PhoneTrigger.HungUp], call.Machine.PermittedTriggers);
    }

    [Fact]
    public void PermittedTriggers_GuardsEvaluatedOnEveryRead()
    {
        var open = true;
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A)
            .PermitIf(TestTrigger.X, TestState.B, () => open, "open")
            .Ignore(TestTrigger.Y);

        var whileOpen = machine.PermittedTriggers;
        open = false;
        var whileClosed = machine.PermittedTriggers;

        Assert.Equal([TestTrigger.X, TestTrigger.Y], whileOpen);
        Assert.Equal([TestTrigger.Y], whileClosed);
    }

    [Fact]
    public void Fire_FromInsideAnAction_ThrowsAndLeavesOuterTransitionComplete()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A).Permit(TestTrigger.X, TestState.B);
        machine.Configure(TestState.B)
            .Permit(TestTrigger.Y, TestState.C)
            .OnEntry(_ => machine.Fire(TestTrigger.Y));

        var exception = Assert.Throws<InvalidOperationException>(() => machine.Fire(TestTrigger.X));

        Assert.Contains("'Y'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(TestState.B, machine.State);
    }

    [Fact]
    public void Fire_AfterAnActionThrew_AcceptsTheNextTrigger()
    {
        var fail = true;
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A)
            .Permit(TestTrigger.X, TestState.B)
            .OnExit(_ =>
            {
                if (fail)
                {
                    throw new InvalidDataException("boom");
                }
            });

        Assert.Throws<InvalidDataException>(() => machine.Fire(TestTrigger.X));
        fail = false;
        machine.Fire(TestTrigger.X);

        Assert.Equal(TestState.B, machine.State);
    }

    [Fact]
    public void NullCallbacks_Throw()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);

        Assert.Throws<ArgumentNullException>("action", () => machine.OnUnhandledTrigger(null!));
        Assert.Throws<ArgumentNullException>("action", () => machine.OnTransitioned(null!));
    }
}
