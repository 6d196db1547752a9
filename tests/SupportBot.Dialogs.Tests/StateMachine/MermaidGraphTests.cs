using SupportBot.Dialogs.StateMachine;
using Xunit;

namespace SupportBot.Dialogs.Tests.StateMachine;

public sealed class MermaidGraphTests
{
    [Fact]
    public void Format_TelephoneCall_MatchesWholeDiagram()
    {
        var expected = """
            stateDiagram-v2
                OffHook
                Ringing
                state Connected {
                    OnHold
                }
                PhoneDestroyed
                [*] --> OffHook
                OffHook --> Ringing : CallDialed [credit #62; 0#59; #34;prepaid#34;]
                Ringing --> Connected : CallConnected
                Ringing --> OffHook : HungUp
                Ringing --> Ringing : CallDialed
                Connected --> OffHook : LeftMessage
                Connected --> OffHook : HungUp
                Connected --> OnHold : PlacedOnHold
                OnHold --> Connected : TakenOffHold
                OnHold --> PhoneDestroyed : PhoneHurledAgainstWall

            """.ReplaceLineEndings("\n");

        var actual = MermaidGraph.Format(new PhoneCall().Machine.GetInfo());

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Format_TelephoneCall_LeavesOutIgnoredTriggers()
    {
        var actual = MermaidGraph.Format(new PhoneCall().Machine.GetInfo());

        Assert.DoesNotContain(PhoneCall.NoCreditGuard, actual, StringComparison.Ordinal);
        Assert.DoesNotContain("OffHook --> OffHook", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_NestedSuperstatesAndSyntaxInGuard_NestsBlocksAndEscapesLabel()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.C);
        machine.Configure(TestState.A);
        machine.Configure(TestState.B).SubstateOf(TestState.A);
        machine.Configure(TestState.C).SubstateOf(TestState.B).PermitIf(TestTrigger.X, TestState.D, () => true, "a#b\nc: [x] 50% <ok>");
        machine.Configure(TestState.D).Permit(TestTrigger.Y, TestState.A);
        var expected = """
            stateDiagram-v2
                state A {
                    state B {
                        C
                    }
                }
                D
                [*] --> C
                C --> D : X [a#35;b c#58; #91;x#93; 50#37; #60;ok#62;]
                D --> A : Y

            """.ReplaceLineEndings("\n");

        var actual = MermaidGraph.Format(machine.GetInfo());

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Format_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("info", () => MermaidGraph.Format(null!));
    }
}
