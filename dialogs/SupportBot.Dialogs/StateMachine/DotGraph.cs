using System.Text;

namespace SupportBot.Dialogs.StateMachine;

/// <summary>
/// Writes a <see cref="StateMachineInfo"/> as a Graphviz <c>digraph</c>, for tools and reviews that prefer
/// Graphviz to Mermaid; it draws the same states and edges as <see cref="MermaidGraph"/>.
/// </summary>
/// <remarks>
/// The output is deterministic (configuration order, <c>\n</c> line endings). A superstate is a node inside a
/// dashed <c>cluster_</c> subgraph that also holds its substates, so edges to and from the superstate have a
/// node to attach to. The initial state is marked by an edge from a point node named <c>[*]</c>, which no enum
/// value can be called. Ignored triggers are left out. Every identifier and label is quoted and escaped.
/// </remarks>
public static class DotGraph
{
    private const string Indent = "    ";
    private const string InitialNode = "\"[*]\"";

    /// <summary>Formats <paramref name="info"/> as DOT source.</summary>
    public static string Format(StateMachineInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var output = new StringBuilder("digraph {\n");
        Line(output, 1, "rankdir=LR;");
        Line(output, 1, "node [shape=box, style=rounded];");

        GraphHierarchy.Walk(
            info,
            enter: (state, depth, isComposite) =>
            {
                if (isComposite)
                {
                    Line(output, depth + 1, $"subgraph {Quote("cluster_" + state.State)} {{");
                    Line(output, depth + 2, "style=dashed;");
                    Line(output, depth + 2, $"{Quote(state.State)};");
                }
                else
                {
                    Line(output, depth + 1, $"{Quote(state.State)};");
                }
            },
            leave: (_, depth) => Line(output, depth + 1, "}"));

        Line(output, 1, $"{InitialNode} [shape=point, label=\"\"];");
        Line(output, 1, $"{InitialNode} -> {Quote(info.InitialState)};");
        foreach (var state in info.States)
        {
            foreach (var transition in state.Transitions)
            {
                Line(output, 1, $"{Quote(state.State)} -> {Quote(transition.Destination)} [label={Quote(GraphHierarchy.Label(transition, static text => text))}];");
            }
        }

        output.Append("}\n");
        return output.ToString();
    }

    /// <summary>
    /// Quotes a DOT identifier or label: backslashes and quotes are escaped so the string cannot end early,
    /// and line breaks and other control characters become spaces so each statement stays on one line.
    /// </summary>
    internal static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var character in text)
        {
            switch (character)
            {
                case '\\':
                    quoted.Append(@"\\");
                    break;
                case '"':
                    quoted.Append("\\\"");
                    break;
                default:
                    quoted.Append(char.IsControl(character) ? ' ' : character);
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    private static void Line(StringBuilder output, int depth, string text)
    {
        for (var level = 0; level < depth; level++)
        {
            output.Append(Indent);
        }

        output.Append(text).Append('\n');
    }
}
