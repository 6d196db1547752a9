using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.StateMachine;
using Xunit;

namespace SupportBot.Dialogs.Tests.Conversation;

public sealed class RecoveryFlowTests
{
    // The superstate groups the verification steps; the conversation never rests in it.
    private static readonly string[] s_abstractStates = [nameof(RecoveryState.Verification)];

    [Fact]
    public void EveryStateAndTrigger_IsPermittedIgnoredOrReprompted()
    {
        var info = RecoveryFlow.Describe();

        var gaps = info.UnhandledPairs(Enum.GetNames<RecoveryTrigger>())
            .Where(pair => !s_abstractStates.Contains(pair.State))
            .Select(pair => $"{pair.State} × {pair.Trigger}")
            .ToList();

        Assert.True(gaps.Count == 0, "Undecided pairs: " + string.Join(", ", gaps));
        Assert.All(Enum.GetNames<RecoveryState>(), state => Assert.NotNull(info.FindState(state)));
    }

    [Fact]
    public void Queued_IsEnteredOnlyFromVerified()
    {
        var info = RecoveryFlow.Describe();

        var sources = info.States
            .Where(state => state.Transitions.Any(t => t.Destination == nameof(RecoveryState.Queued) && !t.IsReentry))
            .Select(state => state.State)
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.True(
            source == nameof(RecoveryState.Verified) || info.FindState(source)?.Superstate == nameof(RecoveryState.Verified),
            $"{source} enters Queued without being Verified"));
    }

    [Fact]
    public void Verified_IsEnteredOnlyOnAGuardedServiceResult()
    {
        var info = RecoveryFlow.Describe();

        var entries = info.States
            .SelectMany(state => state.Transitions.Select(t => (state.State, t)))
            .Where(pair => pair.t.Destination == nameof(RecoveryState.Verified) && !pair.t.IsReentry)
            .ToList();

        var entry = Assert.Single(entries);
        Assert.Equal(nameof(RecoveryState.AwaitCode), entry.State);
        Assert.Equal(nameof(RecoveryTrigger.CodeAccepted), entry.t.Trigger);
        Assert.False(string.IsNullOrWhiteSpace(entry.t.GuardDescription));
    }

    [Fact]
    public void Readme_ShowsTheDiagramGeneratedFromTheCode()
    {
        var expected = FlowDiagram.MarkdownBlock(FlowDiagram.Mermaid());
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

        var actual = FlowDiagram.Extract(readme);

        Assert.True(actual == expected, "README.md's diagram differs from the code; run `dotnet run --project bot/SupportBot.Bot -- flow diagram --write-readme`.\nExpected:\n" + expected);
    }
}
