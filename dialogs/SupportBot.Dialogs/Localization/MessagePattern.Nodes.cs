namespace SupportBot.Dialogs.Localization;

/// <content>The compiled form: a tree of nodes, each of which appends its text.</content>
internal sealed partial class MessagePattern
{
    private static void AppendAll(Node[] nodes, ref FormatState state, in PluralNumber number)
    {
        foreach (var node in nodes)
        {
            node.Append(ref state, number);
        }
    }

    private abstract class Node
    {
        public abstract void Append(ref FormatState state, in PluralNumber number);
    }

    private sealed class TextNode(string text) : Node
    {
        public string Text { get; } = text;

        public override void Append(ref FormatState state, in PluralNumber number) => state.Builder.Append(Text);
    }

    private sealed class ArgumentNode(string name, NumberStyle? numberStyle) : Node
    {
        public override void Append(ref FormatState state, in PluralNumber number)
        {
            if (!state.Arguments.TryGetValue(name, out var value) || value is null)
            {
                state.AppendPlaceholder(name);
                return;
            }

            if (numberStyle is { } style)
            {
                if (TryGetNumber(value, out var numeric))
                {
                    state.OpenIsolate();
                    AppendNumber(ref state, numeric, style);
                    state.CloseIsolate();
                }
                else
                {
                    state.AppendPlaceholder(name);
                }

                return;
            }

            state.OpenIsolate();
            AppendValue(ref state, value);
            state.CloseIsolate();
        }
    }

    private sealed class PoundNode(string pluralName) : Node
    {
        public override void Append(ref FormatState state, in PluralNumber number)
        {
            if (!number.HasValue)
            {
                // The plural's argument was missing and has already been reported.
                state.Builder.Append('{').Append(pluralName).Append('}');
                return;
            }

            state.OpenIsolate();
            AppendNumber(ref state, number.Value, NumberStyle.Default);
            state.CloseIsolate();
        }
    }

    private sealed class PluralNode(
        string name,
        bool ordinal,
        decimal offset,
        (decimal Value, Node[] Message)[] exactCases,
        Node[]?[] categoryCases,
        Node[] other) : Node
    {
        public override void Append(ref FormatState state, in PluralNumber number)
        {
            if (!state.Arguments.TryGetValue(name, out var value) || !TryGetNumber(value, out var numeric))
            {
                state.ReportMissing(name);
                AppendAll(other, ref state, default);
                return;
            }

            // =N compares the value as given; categories and # use the value minus the offset (ICU semantics).
            foreach (var (exact, message) in exactCases)
            {
                if (exact == numeric)
                {
                    AppendAll(message, ref state, new PluralNumber(numeric - offset));
                    return;
                }
            }

            var shown = numeric - offset;
            var rules = ordinal ? state.Ordinal : state.Cardinal;
            var category = rules.Select(PluralOperands.From(shown));
            AppendAll(categoryCases[(int)category] ?? other, ref state, new PluralNumber(shown));
        }
    }

    private sealed class SelectNode(string name, (string Key, Node[] Message)[] cases, Node[] other) : Node
    {
        public override void Append(ref FormatState state, in PluralNumber number)
        {
            if (!state.Arguments.TryGetValue(name, out var value) || value is null)
            {
                state.ReportMissing(name);
                AppendAll(other, ref state, number);
                return;
            }

            var key = SelectKey(value);
            foreach (var (caseKey, message) in cases)
            {
                if (string.Equals(caseKey, key, StringComparison.Ordinal))
                {
                    AppendAll(message, ref state, number);
                    return;
                }
            }

            AppendAll(other, ref state, number);
        }
    }
}
