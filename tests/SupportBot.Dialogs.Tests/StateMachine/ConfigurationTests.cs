using SupportBot.Dialogs.StateMachine;
using Xunit;

namespace SupportBot.Dialogs.Tests.StateMachine;

public sealed class ConfigurationTests
{
    [Fact]
    public void Permit_ToTheConfiguredState_ThrowsPointingToReentry()
    {
        var configuration = new StateMachine<TestState, TestTrigger>(TestState.A).Configure(TestState.A);

        var exception = Assert.Throws<ArgumentException>("destination", () => configuration.Permit(TestTrigger.X, TestState.A));

        Assert.Contains("PermitReentry", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("destination", () => configuration.PermitIf(TestTrigger.X, TestState.A, () => true, "g"));
    }

    [Fact]
    public void PermitThenIgnore_SameTriggerSameState_ThrowsNamingBoth()
    {
        var configuration = new StateMachine<TestState, TestTrigger>(TestState.A).Configure(TestState.A);
        configuration.Permit(TestTrigger.X, TestState.B);

        var exception = Assert.Throws<InvalidOperationException>(() => configuration.Ignore(TestTrigger.X));

        Assert.StartsWith(
            "Trigger 'X' in state 'A' cannot be configured as Ignore: it is already configured as Permit to 'B'.",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void IgnoreThenPermit_SameTriggerSameState_Throws()
    {
        var configuration = new StateMachine<TestState, TestTrigger>(TestState.A).Configure(TestState.A);
        configuration.Ignore(TestTrigger.X);

        var exception = Assert.Throws<InvalidOperationException>(() => configuration.Permit(TestTrigger.X, TestState.B));

        Assert.Contains("as Permit to 'B': it is already configured as Ignore.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GuardedThenUnguarded_SameTriggerSameState_Throws()
    {
        var configuration = new StateMachine<TestState, TestTrigger>(TestState.A).Configure(TestState.A);
        configuration.PermitIf(TestTrigger.X, TestState.B, () => true, "code valid");

        var exception = Assert.Throws<InvalidOperationException>(() => configuration.PermitReentry(TestTrigger.X));

        Assert.Contains("as PermitReentry: it is already configured as PermitIf to 'B' ('code valid').", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnguardedThenGuarded_SameTriggerSameState_Throws()
    {
        var configuration = new StateMachine<TestState, TestTrigger>(TestState.A).Configure(TestState.A);
        configuration.Permit(TestTrigger.X, TestState.B);

        Assert.Throws<InvalidOperationException>(() => configuration.IgnoreIf(TestTrigger.X, () => false, "never"));
    }

    [Fact]
    public void GuardedRows_SameTriggerSameState_AreAllowed()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);

        machine.Configure(TestState.A)
            .PermitIf(TestTrigger.X, TestState.B, () => false, "one")
            .PermitReentryIf(TestTrigger.X, () => false, "two")
            .IgnoreIf(TestTrigger.X, () => true, "three");
        machine.Fire(TestTrigger.X);

        var state = machine.GetInfo().States[0];
        Assert.Equal(TestState.A, machine.State);
        Assert.Equal(["one", "two"], state.Transitions.Select(transition => transition.GuardDescription));
        Assert.Equal(["three"], state.IgnoredTriggers.Select(ignored => ignored.GuardDescription));
    }

    [Fact]
    public void SameTrigger_InSubstateAndSuperstate_IsAllowed()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.B);
        machine.Configure(TestState.A).Ignore(TestTrigger.X);

        machine.Configure(TestState.B).SubstateOf(TestState.A).Permit(TestTrigger.X, TestState.C);
        machine.Fire(TestTrigger.X);

        Assert.Equal(TestState.C, machine.State);
    }

    [Fact]
    public void SubstateOf_Itself_Throws()
    {
        var configuration = new StateMachine<TestState, TestTrigger>(TestState.A).Configure(TestState.A);

        Assert.Throws<ArgumentException>("superstate", () => configuration.SubstateOf(TestState.A));
    }

    [Fact]
    public void SubstateOf_ItsOwnDescendant_ThrowsCycle()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.B).SubstateOf(TestState.A);
        machine.Configure(TestState.C).SubstateOf(TestState.B);

        var exception = Assert.Throws<InvalidOperationException>(() => machine.Configure(TestState.A).SubstateOf(TestState.C));

        Assert.Contains("cycle", exception.Message, StringComparison.Ordinal);
        Assert.Null(machine.GetInfo().FindState("A")!.Superstate);
    }

    [Fact]
    public void SubstateOf_SecondDifferentSuperstate_Throws()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.C).SubstateOf(TestState.A);

        var exception = Assert.Throws<InvalidOperationException>(() => machine.Configure(TestState.C).SubstateOf(TestState.B));

        Assert.Contains("already a substate of 'A'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubstateOf_SameSuperstateTwice_ListsSubstateOnce()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.B).SubstateOf(TestState.A);

        machine.Configure(TestState.B).SubstateOf(TestState.A);

        var superstate = machine.GetInfo().FindState("A");
        Assert.NotNull(superstate);
        Assert.Equal(["B"], superstate.Substates);
    }

    [Fact]
    public void Actions_Null_Throw()
    {
        var configuration = new StateMachine<TestState, TestTrigger>(TestState.A).Configure(TestState.A);

        Assert.Throws<ArgumentNullException>("action", () => configuration.OnEntry(null!));
        Assert.Throws<ArgumentNullException>("action", () => configuration.OnEntryFrom(TestTrigger.X, null!));
        Assert.Throws<ArgumentNullException>("action", () => configuration.OnExit(null!));
    }
}
