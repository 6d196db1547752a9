using SupportBot.Dialogs.StateMachine;
using Xunit;

namespace SupportBot.Dialogs.Tests.StateMachine;

public sealed class GuardTests
{
    [Theory]
    [InlineData(true, TestState.B)] // the first guard holds
    [InlineData(false, TestState.C)] // the second guard holds
    public void InState_OnTriggerWithOnePassingGuard_TakesThatTransition(bool codeValid, TestState expected)
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A)
            .PermitIf(TestTrigger.X, TestState.B, () => codeValid, "code valid")
            .PermitIf(TestTrigger.X, TestState.C, () => !codeValid, "code invalid");

        machine.Fire(TestTrigger.X);

        Assert.Equal(expected, machine.State);
    }

    [Fact]
    public void InState_GuardChangesAfterConfiguration_EvaluatedAtFireTime()
    {
        var allowed = false;
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A).PermitIf(TestTrigger.X, TestState.B, () => allowed, "allowed");

        var before = machine.CanFire(TestTrigger.X);
        allowed = true;
        machine.Fire(TestTrigger.X);

        Assert.False(before);
        Assert.Equal(TestState.B, machine.State);
    }

    [Fact]
    public void InState_OnTriggerWithNoPassingGuard_ReportsUnmetDescriptionsToUnhandledAction()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A)
            .PermitIf(TestTrigger.X, TestState.B, () => false, "code valid")
            .PermitIf(TestTrigger.X, TestState.C, () => false, "attempts left");
        IReadOnlyList<string>? reported = null;
        machine.OnUnhandledTrigger((_, _, guards) => reported = guards);

        machine.Fire(TestTrigger.X);

        Assert.Equal(["code valid", "attempts left"], reported);
        Assert.Equal(TestState.A, machine.State);
    }

    [Fact]
    public void InState_OnTriggerWithNoPassingGuardAndNoUnhandledAction_ThrowsNamingStateTriggerAndGuards()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A)
            .PermitIf(TestTrigger.X, TestState.B, () => false, "code valid")
            .PermitIf(TestTrigger.X, TestState.C, () => false, "attempts left");

        var exception = Assert.Throws<InvalidOperationException>(() => machine.Fire(TestTrigger.X));

        Assert.Equal(
            "Trigger 'X' is not permitted in state 'A' because no guard holds. Unmet guards: 'code valid', 'attempts left'.",
            exception.Message);
    }

    [Fact]
    public void InState_OnTriggerWithTwoPassingGuards_ThrowsNamingBoth()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A)
            .PermitIf(TestTrigger.X, TestState.B, () => true, "code valid")
            .PermitIf(TestTrigger.X, TestState.C, () => false, "code expired")
            .PermitIf(TestTrigger.X, TestState.D, () => true, "attempts left");

        var exception = Assert.Throws<InvalidOperationException>(() => machine.Fire(TestTrigger.X));

        Assert.Contains("'code valid', 'attempts left'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("code expired", exception.Message, StringComparison.Ordinal);
        Assert.Contains("state 'A'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(TestState.A, machine.State);
    }

    [Fact]
    public void CanFire_TwoPassingGuards_ThrowsRatherThanHidingTheBug()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A)
            .PermitIf(TestTrigger.X, TestState.B, () => true, "first")
            .IgnoreIf(TestTrigger.X, () => true, "second");

        Assert.Throws<InvalidOperationException>(() => machine.CanFire(TestTrigger.X));
    }

    [Fact]
    public void InState_GuardedReentryFails_IsUnhandled()
    {
        var exits = 0;
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A)
            .PermitReentryIf(TestTrigger.X, () => false, "can resend")
            .OnExit(_ => exits++);
        IReadOnlyList<string>? reported = null;
        machine.OnUnhandledTrigger((_, _, guards) => reported = guards);

        machine.Fire(TestTrigger.X);

        Assert.Equal(["can resend"], reported);
        Assert.Equal(0, exits);
    }

    [Fact]
    public void InState_GuardedReentryHolds_ReentersState()
    {
        var log = new List<string>();
        var machine = new StateMachine<TestState, TestTrigger>(TestState.A);
        machine.Configure(TestState.A)
            .PermitReentryIf(TestTrigger.X, () => true, "can resend")
            .OnExit(_ => log.Add("exit"))
            .OnEntry(_ => log.Add("entry"));

        machine.Fire(TestTrigger.X);

        Assert.Equal(["exit", "entry"], log);
    }

    [Theory]
    [InlineData(0, PhoneState.OffHook)] // IgnoreIf holds: stays
    [InlineData(5, PhoneState.Ringing)] // PermitIf holds: rings
    public void InOffHook_OnCallDialed_IgnoredOrPermittedByCredit(int credit, PhoneState expected)
    {
        var call = new PhoneCall { Credit = credit };
        var unhandled = false;
        call.Machine.OnUnhandledTrigger((_, _, _) => unhandled = true);

        call.Machine.Fire(PhoneTrigger.CallDialed);

        Assert.Equal(expected, call.State);
        Assert.False(unhandled);
    }

    [Fact]
    public void WhenInSubstate_SubstateGuardsFail_SuperstateHandles()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.B);
        machine.Configure(TestState.A).Permit(TestTrigger.X, TestState.D);
        machine.Configure(TestState.B)
            .SubstateOf(TestState.A)
            .PermitIf(TestTrigger.X, TestState.C, () => false, "never");

        machine.Fire(TestTrigger.X);

        Assert.Equal(TestState.D, machine.State);
    }

    [Fact]
    public void WhenInSubstate_GuardsFailAtEveryLevel_ReportsAllUnmetInnermostFirst()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.B);
        machine.Configure(TestState.A).PermitIf(TestTrigger.X, TestState.D, () => false, "outer");
        machine.Configure(TestState.B)
            .SubstateOf(TestState.A)
            .PermitIf(TestTrigger.X, TestState.C, () => false, "inner");
        IReadOnlyList<string>? reported = null;
        TestState? reportedState = null;
        machine.OnUnhandledTrigger((state, _, guards) => (reportedState, reported) = (state, guards));

        machine.Fire(TestTrigger.X);

        Assert.Equal(TestState.B, reportedState);
        Assert.Equal(["inner", "outer"], reported);
    }

    [Fact]
    public void GuardedRows_NullGuardOrBlankDescription_Throw()
    {
        var configuration = new StateMachine<TestState, TestTrigger>(TestState.A).Configure(TestState.A);

        Assert.Throws<ArgumentNullException>("guard", () => configuration.PermitIf(TestTrigger.X, TestState.B, null!, "d"));
        Assert.Throws<ArgumentException>("guardDescription", () => configuration.PermitIf(TestTrigger.X, TestState.B, () => true, " "));
        Assert.Throws<ArgumentNullException>("guardDescription", () => configuration.PermitReentryIf(TestTrigger.X, () => true, null!));
        Assert.Throws<ArgumentNullException>("guard", () => configuration.IgnoreIf(TestTrigger.X, null!, "d"));
        Assert.Throws<ArgumentException>("guardDescription", () => configuration.IgnoreIf(TestTrigger.X, () => true, ""));
    }
}
