using SupportBot.Dialogs.StateMachine;

namespace SupportBot.Dialogs.Conversation;

/// <summary>
/// The README's diagram of the recovery flow, generated from <see cref="RecoveryFlow"/>: the code is the source,
/// the diagram a by-product (Stateless's rule), kept between two markers so tools can replace it.
/// </summary>
public static class FlowDiagram
{
    public const string BeginMarker = "<!-- recovery-flow:begin (generated from dialogs/SupportBot.Dialogs/Conversation/RecoveryFlow.cs) -->";
    public const string EndMarker = "<!-- recovery-flow:end -->";

    // Drawn once in the prose instead of from every state: they would hide the flow.
    private static readonly HashSet<string> s_globalTriggers =
        [nameof(RecoveryTrigger.StartOver), nameof(RecoveryTrigger.Stop), nameof(RecoveryTrigger.ChangeLanguage)];

    /// <summary>
    /// The Mermaid text of the recovery flow as people read it: every transition between two different states,
    /// without re-prompts (a state answering and asking again) and without the global commands that every state has.
    /// </summary>
    public static string Mermaid() => MermaidGraph.Format(Readable(RecoveryFlow.Describe()));

    /// <summary>The full graph, every re-prompt and global command included.</summary>
    public static string MermaidComplete() => MermaidGraph.Format(RecoveryFlow.Describe());

    private static StateMachineInfo Readable(StateMachineInfo info) => info with
    {
        States = [.. info.States.Select(state => state with
        {
            Transitions = [.. state.Transitions.Where(t => !t.IsReentry && t.Destination != state.State && !s_globalTriggers.Contains(t.Trigger))],
        })],
    };

    public static string MarkdownBlock(string mermaid) => "```mermaid\n" + mermaid.TrimEnd('\n') + "\n```";

    /// <summary>The block between the markers, or <see langword="null"/> when they are missing.</summary>
    public static string? Extract(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var begin = markdown.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = markdown.IndexOf(EndMarker, StringComparison.Ordinal);
        return begin < 0 || end < begin ? null : markdown[(begin + BeginMarker.Length)..end].Trim('\n', '\r');
    }

    /// <summary>Replaces the block between the markers (or appends markers and block) with the current diagram.</summary>
    public static string Replace(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var block = BeginMarker + "\n" + MarkdownBlock(Mermaid()) + "\n" + EndMarker;
        var begin = markdown.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = markdown.IndexOf(EndMarker, StringComparison.Ordinal);
        return begin < 0 || end < begin
            ? markdown.TrimEnd('\n') + "\n\n" + block + "\n"
            : markdown[..begin] + block + markdown[(end + EndMarker.Length)..];
    }
}
