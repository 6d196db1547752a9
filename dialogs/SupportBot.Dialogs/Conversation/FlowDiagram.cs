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

    /// <summary>The Mermaid text of the recovery flow.</summary>
    public static string Mermaid() => MermaidGraph.Format(RecoveryFlow.Describe());

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
