using SupportBot.Dialogs.StateMachine;
using Xunit;

namespace SupportBot.Dialogs.Tests.StateMachine;

public sealed class DotGraphTests
{
    [Fact]
    public void Format_TelephoneCall_MatchesWholeGraph()
    {
        var expected = """
            digraph {
                rankdir=LR;
                node [shape=box, style=rounded];
                "OffHook";
                "Ringing";
                subgraph "cluster_Connected" {
                    style=dashed;
                    "Connected";
                    "OnHold";
                }
                "PhoneDestroyed";
                "[*]" [shape=point, label=""];
                "[*]" -> "OffHook";
                "OffHook" -> "Ringing" [label="CallDialed [credit > 0; \"prepaid\"]"];
                "Ringing" -> "Connected" [label="CallConnected"];
                "Ringing" -> "OffHook" [label="HungUp"];
                "Ringing" -> "Ringing" [label="CallDialed"];
                "Connected" -> "OffHook" [label="LeftMessage"];
                "Connected" -> "OffHook" [label="HungUp"];
                "Connected" -> "OnHold" [label="PlacedOnHold"];
                "OnHold" -> "Connected" [label="TakenOffHold"];
                "OnHold" -> "PhoneDestroyed" [label="PhoneHurledAgainstWall"];
            }

            """.ReplaceLineEndings("\n");

        var actual = DotGraph.Format(new PhoneCall().Machine.GetInfo());

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Format_NestedSuperstatesAndQuotesInGuard_NestsClustersAndEscapesLabel()
    {
        var machine = new StateMachine<TestState, TestTrigger>(TestState.C);
        machine.Configure(TestState.A);
        machine.Configure(TestState.B).SubstateOf(TestState.A);
        machine.Configure(TestState.C).SubstateOf(TestState.B).PermitIf(TestTrigger.X, TestState.D, () => true, "say \"hi\"\\ now\nok");
        machine.Configure(TestState.D).Permit(TestTrigger.Y, TestState.A);
        var expected = """
            digraph {
                rankdir=LR;
                node [shape=box, style=rounded];
                subgraph "cluster_A" {
                    style=dashed;
                    "A";
                    subgraph "cluster_B" {
                        style=dashed;
                        "B";
                        "C";
                    }
                }
                "D";
                "[*]" [shape=point, label=""];
                "[*]" -> "C";
                "C" -> "D" [label="X [say \"hi\"\\ now ok]"];
                "D" -> "A" [label="Y"];
            }

            """.ReplaceLineEndings("\n");

        var actual = DotGraph.Format(machine.GetInfo());

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Format_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("info", () => DotGraph.Format(null!));
    }
}
