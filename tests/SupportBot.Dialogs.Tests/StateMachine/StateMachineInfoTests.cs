using SupportBot.Dialogs.StateMachine;
using Xunit;

namespace SupportBot.Dialogs.Tests.StateMachine;

public sealed class StateMachineInfoTests
{
    [Fact]
    public void GetInfo_TelephoneCall_ListsStatesInConfigurationOrderThenReferencedOnes()
    {
        var info = new PhoneCall().Machine.GetInfo();

        Assert.Equal(["OffHook", "Ringing", "Connected", "OnHold", "PhoneDestroyed"], info.States.Select(state => state.State));
        Assert.Equal("OffHook", info.InitialState);
        Assert.Equal(typeof(PhoneState), info.StateType);
        Assert.Equal(typeof(PhoneTrigger), info.TriggerType);
    }

    [Fact]
    public void GetInfo_TelephoneCall_DescribesHierarchy()
    {
        var info = new PhoneCall().Machine.GetInfo();

        Assert.Equal([null, null, null, "Connected", null], info.States.Select(state => state.Superstate));
        Assert.Equal(["OnHold"], info.FindState("Connected")!.Substates);
        Assert.Empty(info.FindState("OnHold")!.Substates);
    }

    [Fact]
    public void GetInfo_TelephoneCall_DescribesTransitionsWithGuardsAndReentry()
    {
        var info = new PhoneCall().Machine.GetInfo();

        Assert.Equal(
            [new TransitionInfo("CallDialed", "Ringing", PhoneCall.CreditGuard, IsReentry: false)],
            info.FindState("OffHook")!.Transitions);
        Assert.Equal(
            [
                new TransitionInfo("CallConnected", "Connected", null, IsReentry: false),
                new TransitionInfo("HungUp", "OffHook", null, IsReentry: false),
                new TransitionInfo("CallDialed", "Ringing", null, IsReentry: true),
            ],
            info.FindState("Ringing")!.Transitions);
        Assert.Empty(info.FindState("PhoneDestroyed")!.Transitions);
    }

    [Fact]
    public void GetInfo_TelephoneCall_ListsIgnoredTriggersApartFromTransitions()
    {
        var info = new PhoneCall().Machine.GetInfo();

        Assert.Equal(
            [new IgnoredTriggerInfo("CallDialed", PhoneCall.NoCreditGuard), new IgnoredTriggerInfo("HungUp", null)],
            info.FindState("OffHook")!.IgnoredTriggers);
        Assert.Empty(info.FindState("Ringing")!.IgnoredTriggers);
    }

    [Fact]
    public void GetInfo_TelephoneCall_DescribesEntryAndExitActions()
    {
        var info = new PhoneCall().Machine.GetInfo();

        var connected = info.FindState("Connected")!;
        Assert.Equal([new ActionInfo("start call timer", null)], connected.EntryActions);
        Assert.Equal([new ActionInfo("stop call timer", null)], connected.ExitActions);
        Assert.Empty(info.FindState("OffHook")!.EntryActions);
    }

    [Fact]
    public void GetInfo_ActionsWithoutDescription_UseMethodNameOrUnnamed()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A)
            .OnEntry(StartTimer)
            .OnEntryFrom(TestTrigger.Y, _ => { })
            .OnEntryFrom(TestTrigger.Z, StartTimer, "timer from Z")
            .OnExit(_ => { });

        var state = machine.GetInfo().States[0];

        Assert.Equal(
            [new ActionInfo("StartTimer", null), new ActionInfo("(unnamed)", "Y"), new ActionInfo("timer from Z", "Z")],
            state.EntryActions);
        Assert.Equal([new ActionInfo("(unnamed)", null)], state.ExitActions);
    }

    [Fact]
    public void GetInfo_NeverInvokesGuardsOrActions()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A)
            .PermitIf(TestTrigger.X, TestState.B, () => throw new InvalidDataException("guard"), "guard")
            .IgnoreIf(TestTrigger.Y, () => throw new InvalidDataException("guard"), "other guard")
            .OnEntry(_ => throw new InvalidDataException("action"))
            .OnExit(_ => throw new InvalidDataException("action"));

        var info = machine.GetInfo();

        Assert.Equal(["A", "B"], info.States.Select(state => state.State));
    }

    [Fact]
    public void GetInfo_ExternalStorageAfterFiring_ReportsStateAtConstructionAsInitial()
    {
        var call = new PhoneCall(PhoneState.Ringing);
        call.Machine.Fire(PhoneTrigger.CallConnected);

        Assert.Equal("Ringing", call.Machine.GetInfo().InitialState);
    }

    [Fact]
    public void GetInfo_UnconfiguredInitialState_ListedBeforeReferencedDestinations()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.E);
        machine.Configure(TestState.A).Permit(TestTrigger.X, TestState.C).Permit(TestTrigger.Y, TestState.B);
        machine.Configure(TestState.B).Permit(TestTrigger.X, TestState.C);

        var info = machine.GetInfo();

        Assert.Equal(["A", "B", "E", "C"], info.States.Select(state => state.State));
        Assert.Equal("E", info.InitialState);
    }

    [Theory]
    [InlineData("OnHold", "TakenOffHold", true)] // its own row
    [InlineData("OnHold", "HungUp", true)] // its superstate's row
    [InlineData("OffHook", "HungUp", true)] // ignored
    [InlineData("Ringing", "CallDialed", true)] // reentry
    [InlineData("Connected", "TakenOffHold", false)] // only a substate handles it
    [InlineData("PhoneDestroyed", "HungUp", false)] // no rows at all
    [InlineData("NoSuchState", "HungUp", false)] // not in the info
    public void HandlesTrigger_TelephoneCall_LooksThroughSuperstates(string state, string trigger, bool expected)
    {
        var info = new PhoneCall().Machine.GetInfo();

        Assert.Equal(expected, info.HandlesTrigger(state, trigger));
    }

    [Fact]
    public void UnhandledPairs_GivenTriggers_ListsGapsOverListedStatesInOrder()
    {
        var info = GappyMachine().GetInfo();

        var gaps = info.UnhandledPairs(["X", "Y", "Z"]);

        Assert.Equal([("A", "Y"), ("A", "Z"), ("B", "Z"), ("C", "X"), ("C", "Y")], gaps);
    }

    [Fact]
    public void UnhandledPairs_FromEnums_AlsoListsStatesNeverMentioned()
    {
        var info = GappyMachine().GetInfo();

        var gaps = info.UnhandledPairs();

        Assert.Equal(
            [("A", "Y"), ("A", "Z"), ("B", "Z"), ("C", "X"), ("C", "Y"), ("D", "X"), ("D", "Y"), ("D", "Z"), ("E", "X"), ("E", "Y"), ("E", "Z")],
            gaps);
    }

    [Fact]
    public void UnhandledPairs_TelephoneCall_FindsDestroyedPhoneAndMissingOnHoldTriggers()
    {
        var info = new PhoneCall().Machine.GetInfo();

        var gaps = info.UnhandledPairs(Enum.GetNames<PhoneTrigger>());

        Assert.Equal([("OnHold", "CallDialed"), ("OnHold", "CallConnected")], gaps.Where(gap => gap.State == "OnHold"));
        Assert.Equal(Enum.GetNames<PhoneTrigger>(), gaps.Where(gap => gap.State == "PhoneDestroyed").Select(gap => gap.Trigger));
        Assert.Equal(22, gaps.Count);
    }

    [Fact]
    public void UnhandledPairs_EveryPairHandled_IsEmpty()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        foreach (var state in Enum.GetValues<TestState>())
        {
            machine.Configure(state)
                .PermitReentryIf(TestTrigger.X, () => false, "never")
                .Ignore(TestTrigger.Y)
                .Permit(TestTrigger.Z, state == TestState.A ? TestState.B : TestState.A);
        }

        Assert.Empty(machine.GetInfo().UnhandledPairs());
    }

    [Fact]
    public void UnhandledPairs_HandBuiltInfoWithSuperstateCycle_Terminates()
    {
        var info = new StateMachineInfo(
            "A",
            [
                new StateInfo("A", "B", ["B"], [], [], [], []),
                new StateInfo("B", "A", ["A"], [], [], [], []),
            ],
            typeof(TestState),
            typeof(TestTrigger));

        Assert.Equal([("A", "X"), ("B", "X")], info.UnhandledPairs(["X"]));
    }

    /// <summary>A ⊃ B; A permits X, B ignores Y, C re-enters on Z; D and E are never mentioned.</summary>
    private static StateMachine<TestState, TestTrigger> GappyMachine()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A).Permit(TestTrigger.X, TestState.C);
        machine.Configure(TestState.B).SubstateOf(TestState.A).Ignore(TestTrigger.Y);
        machine.Configure(TestState.C).PermitReentry(TestTrigger.Z);
        return machine;
    }

    private static void StartTimer(Transition<TestState, TestTrigger> transition) => _ = transition;
}
