using SupportBot.Dialogs.StateMachine;
using Xunit;

namespace SupportBot.Dialogs.Tests.StateMachine;

public sealed class SubstateTests
{
    [Fact]
    public void EnteringSubstateFromOutside_RunsSuperstateEntryThenSubstateEntry()
    {
        var machine = Hierarchy(TestState.E, out var log);

        machine.Fire(TestTrigger.X);

        Assert.Equal(TestState.C, machine.State);
        Assert.Equal(["exit E", "enter A", "enter B", "enter C"], log);
    }

    [Fact]
    public void LeavingSubstateToOutside_RunsSubstateExitThenSuperstateExit()
    {
        var machine = Hierarchy(TestState.C, out var log);

        machine.Fire(TestTrigger.Z);

        Assert.Equal(TestState.E, machine.State);
        Assert.Equal(["exit C", "exit B", "exit A", "enter E"], log);
    }

    [Fact]
    public void MovingBetweenSiblingSubstates_DoesNotExitOrEnterSuperstate()
    {
        var machine = Hierarchy(TestState.C, out var log);

        machine.Fire(TestTrigger.Y);

        Assert.Equal(TestState.D, machine.State);
        Assert.Equal(["exit C", "enter D"], log);
    }

    [Fact]
    public void MovingFromSuperstateIntoItsSubstate_EntersOnlyTheSubstate()
    {
        var stored = TestState.B;
        var log = new List<string>();
        var machine = new StateMachine<TestState, TestTrigger>(() => stored, state => stored = state);
        Record(machine, TestState.B, log).Permit(TestTrigger.X, TestState.C);
        Record(machine, TestState.C, log).SubstateOf(TestState.B);

        machine.Fire(TestTrigger.X);

        Assert.Equal(TestState.C, stored);
        Assert.Equal(["enter C"], log);
    }

    [Fact]
    public void MovingFromSubstateToItsSuperstate_ExitsOnlyTheSubstate()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.C);
        var log = new List<string>();
        Record(machine, TestState.B, log);
        Record(machine, TestState.C, log)
            .SubstateOf(TestState.B)
            .Permit(TestTrigger.X, TestState.B);

        machine.Fire(TestTrigger.X);

        Assert.Equal(TestState.B, machine.State);
        Assert.Equal(["exit C"], log);
    }

    [Fact]
    public void WhenInSubstate_TriggerPermittedInSuperstate_LeavesFromSubstate()
    {
        var call = new PhoneCall(PhoneState.OnHold);
        Transition<PhoneState, PhoneTrigger>? transition = null;
        call.Machine.OnTransitioned(t => transition = t);

        call.Machine.Fire(PhoneTrigger.HungUp);

        Assert.Equal(PhoneState.OffHook, call.State);
        Assert.Equal(["exit OnHold", "exit Connected"], call.Log);
        Assert.Equal(new Transition<PhoneState, PhoneTrigger>(PhoneState.OnHold, PhoneState.OffHook, PhoneTrigger.HungUp), transition);
    }

    [Fact]
    public void WhenInSubstate_TriggerIgnoredInSuperstate_RemainsInSubstate()
    {
        var machine = Hierarchy(TestState.C, out var log);
        machine.Configure(TestState.A).Ignore(TestTrigger.X);

        machine.Fire(TestTrigger.X);

        Assert.Equal(TestState.C, machine.State);
        Assert.Empty(log);
    }

    [Fact]
    public void WhenInSubstate_SubstateAndSuperstateHandleTrigger_InnermostWins()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.B);
        machine.Configure(TestState.A).Permit(TestTrigger.X, TestState.C);
        machine.Configure(TestState.B)
            .SubstateOf(TestState.A)
            .Permit(TestTrigger.X, TestState.D);

        machine.Fire(TestTrigger.X);

        Assert.Equal(TestState.D, machine.State);
    }

    [Fact]
    public void WhenInSubstate_SubstateIgnoresTriggerPermittedInSuperstate_RemainsInSubstate()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.B);
        machine.Configure(TestState.A).Permit(TestTrigger.X, TestState.C);
        machine.Configure(TestState.B)
            .SubstateOf(TestState.A)
            .Ignore(TestTrigger.X);

        machine.Fire(TestTrigger.X);

        Assert.Equal(TestState.B, machine.State);
    }

    [Fact]
    public void WhenInSubstate_ReentryConfiguredInSuperstate_ExitsBothAndReentersSuperstate()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.C);
        var log = new List<string>();
        Record(machine, TestState.B, log).PermitReentry(TestTrigger.X);
        Record(machine, TestState.C, log).SubstateOf(TestState.B);
        Transition<TestState, TestTrigger>? transition = null;
        machine.OnTransitioned(t => transition = t);

        machine.Fire(TestTrigger.X);

        Assert.Equal(TestState.B, machine.State);
        Assert.Equal(["exit C", "exit B", "enter B"], log);
        Assert.Equal(new Transition<TestState, TestTrigger>(TestState.C, TestState.B, TestTrigger.X), transition);
    }

    [Fact]
    public void WhenInSubstate_SuperstatePermitsMoveToThatSubstate_ReentersSubstateOnly()
    {
        var machine = Hierarchy(TestState.D, out var log);
        machine.Configure(TestState.A).Permit(TestTrigger.Z, TestState.D);
        Transition<TestState, TestTrigger>? transition = null;
        machine.OnTransitioned(t => transition = t);

        machine.Fire(TestTrigger.Z);

        Assert.Equal(TestState.D, machine.State);
        Assert.Equal(["exit D", "enter D"], log);
        Assert.True(transition?.IsReentry);
    }

    [Theory]
    [InlineData(TestState.C, true)] // the state itself
    [InlineData(TestState.B, true)] // its superstate
    [InlineData(TestState.A, true)] // the superstate's superstate
    [InlineData(TestState.D, false)] // a sibling
    [InlineData(TestState.E, false)] // outside the hierarchy
    public void IsInState_InNestedSubstate_TrueForItselfAndEveryAncestor(TestState asked, bool expected)
    {
        var machine = Hierarchy(TestState.C, out _);

        Assert.Equal(expected, machine.IsInState(asked));
    }

    [Fact]
    public void IsInState_InSuperstate_FalseForItsSubstate()
    {
        var machine = Hierarchy(TestState.B, out _);

        Assert.True(machine.IsInState(TestState.A));
        Assert.False(machine.IsInState(TestState.C));
    }

    /// <summary>
    /// A ⊃ B ⊃ {C, D}, and E outside. E -X-> C, C -Y-> D, C -Z-> E; every entry and exit is logged.
    /// </summary>
    private static StateMachine<TestState, TestTrigger> Hierarchy(TestState initial, out List<string> log)
    {
        var entries = new List<string>();
        var machine = new StateMachine<TestState, TestTrigger>(initial);
        Record(machine, TestState.A, entries);
        Record(machine, TestState.B, entries).SubstateOf(TestState.A);
        Record(machine, TestState.C, entries)
            .SubstateOf(TestState.B)
            .Permit(TestTrigger.Y, TestState.D)
            .Permit(TestTrigger.Z, TestState.E);
        Record(machine, TestState.D, entries).SubstateOf(TestState.B);
        Record(machine, TestState.E, entries).Permit(TestTrigger.X, TestState.C);
        log = entries;
        return machine;
    }

    /// <summary>Configures <paramref name="state"/> to log its entry and exit actions.</summary>
    private static StateConfiguration<TestState, TestTrigger> Record(StateMachine<TestState, TestTrigger> machine, TestState state, List<string> log) =>
        machine.Configure(state)
            .OnEntry(_ => log.Add($"enter {state}"))
            .OnExit(_ => log.Add($"exit {state}"));
}
