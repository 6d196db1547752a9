using System.Buffers;
using System.Globalization;
using System.Text;

namespace SupportBot.Dialogs.StateMachine;

/// <summary>
/// Writes a <see cref="StateMachineInfo"/> as a Mermaid <c>stateDiagram-v2</c>, so that the conversation
/// diagram in the docs is generated from the code and can be snapshot-tested instead of drawn by hand.
/// </summary>
/// <remarks>
/// The output is deterministic (configuration order, <c>\n</c> line endings): every state is declared, with
/// substates inside <c>state X { }</c> blocks; then <c>[*] --&gt; Initial</c>; then one edge per permitted
/// or re-entering trigger, <c>A --&gt; B : Trigger [guard]</c>. Ignored triggers are left out. Characters that
/// Mermaid would read as syntax are written as <c>#code;</c> entities in labels.
/// </remarks>
public static class MermaidGraph
{
    private const string Indent = "    ";

    private static readonly SearchValues<char> s_syntax = SearchValues.Create("#;:\"<>{}[]%\\|&`");

    /// <summary>Formats <paramref name="info"/> as Mermaid source.</summary>
    public static string Format(StateMachineInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var output = new StringBuilder("stateDiagram-v2\n");

        GraphHierarchy.Walk(
            info,
            enter: (state, depth, isComposite) => Line(output, depth + 1, isComposite ? $"state {state.State} {{" : state.State),
            leave: (_, depth) => Line(output, depth + 1, "}"));

        Line(output, 1, $"[*] --> {info.InitialState}");
        foreach (var state in info.States)
        {
            foreach (var transition in state.Transitions)
            {
                Line(output, 1, $"{state.State} --> {transition.Destination} : {GraphHierarchy.Label(transition, Escape)}");
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// Makes label text safe: <c>#</c> starts an entity, <c>;</c> ends a statement, and brackets, colons,
    /// quotes and angle brackets can be read as syntax or HTML, so they become numeric entities; line breaks
    /// and other control characters become spaces.
    /// </summary>
    internal static string Escape(string text)
    {
        if (!text.AsSpan().ContainsAny(s_syntax) && !text.Any(char.IsControl))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var character in text)
        {
            if (char.IsControl(character))
            {
                escaped.Append(' ');
            }
            else if (s_syntax.Contains(character))
            {
                escaped.Append('#').Append(((int)character).ToString(CultureInfo.InvariantCulture)).Append(';');
            }
            else
            {
                escaped.Append(character);
            }
        }

        return escaped.ToString();
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
