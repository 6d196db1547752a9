using System.Globalization;
using System.Text;

namespace SupportBot.Dialogs.Localization;

/// <content>A recursive-descent parser from ICU text to nodes.</content>
internal sealed partial class MessagePattern
{
    private sealed class Parser(string source)
    {
        // Deep nesting is unreadable for translators and would risk the stack; real messages use two levels.
        private const int MaxDepth = 8;

        private readonly List<MessageArgumentInfo> _arguments = [];
        private int _pos;

        public (Node[] Nodes, IReadOnlyList<MessageArgumentInfo> Arguments) Parse()
        {
            var nodes = ParseMessage(depth: 0, pluralName: null, openBrace: -1);
            return (nodes, _arguments);
        }

        /// <summary>Parses text and arguments up to the end of the message or, when nested, up to (not past) its closing brace.</summary>
        /// <param name="depth">Nesting depth of this message.</param>
        /// <param name="pluralName">The innermost enclosing plural's argument, which <c>#</c> refers to; null outside plurals.</param>
        /// <param name="openBrace">Position of the brace that opened this sub-message, or -1 at the top level.</param>
        private Node[] ParseMessage(int depth, string? pluralName, int openBrace)
        {
            var nodes = new List<Node>();
            var text = new StringBuilder();
            while (_pos < source.Length)
            {
                var c = source[_pos];
                switch (c)
                {
                    case '{':
                        Flush(text, nodes);
                        nodes.Add(ParseArgument(depth, pluralName));
                        break;
                    case '}' when openBrace >= 0:
                        Flush(text, nodes);
                        return [.. nodes];
                    case '}':
                        throw Error("unmatched '}'; quote it as '}' to show a brace", _pos);
                    case '#' when pluralName is not null:
                        Flush(text, nodes);
                        nodes.Add(new PoundNode(pluralName));
                        _pos++;
                        break;
                    case '\'':
                        ReadApostrophe(text, pluralName is not null);
                        break;
                    default:
                        text.Append(c);
                        _pos++;
                        break;
                }
            }

            if (openBrace >= 0)
            {
                throw Error($"expected '}}' to close the '{{' at position {openBrace}", _pos);
            }

            Flush(text, nodes);
            return [.. nodes];
        }

        private Node ParseArgument(int depth, string? pluralName)
        {
            var open = _pos++;
            if (depth >= MaxDepth)
            {
                throw Error($"messages may not nest more than {MaxDepth} levels deep", open);
            }

            SkipWhite();
            var namePosition = _pos;
            if (_pos < source.Length && char.IsAsciiDigit(source[_pos]))
            {
                var digits = ReadWhile(char.IsAsciiDigit);
                throw Error($"positional argument {{{digits}}} is not allowed; use a named argument such as {{count}}", namePosition);
            }

            var name = ReadIdentifier();
            if (name.Length == 0)
            {
                throw Error($"expected an argument name but found {Describe(_pos)}", _pos);
            }

            SkipWhite();
            if (TryConsume('}'))
            {
                _arguments.Add(new MessageArgumentInfo(name, MessageArgumentKind.Simple, [], open));
                return new ArgumentNode(name, null);
            }

            if (!TryConsume(','))
            {
                throw Error($"expected ',' or '}}' after the argument name '{name}' but found {Describe(_pos)}", _pos);
            }

            SkipWhite();
            var typePosition = _pos;
            var type = ReadIdentifier();
            SkipWhite();
            return type switch
            {
                "number" => ParseNumber(name, open),
                "plural" => ParsePlural(name, ordinal: false, open, depth),
                "selectordinal" => ParsePlural(name, ordinal: true, open, depth),
                "select" => ParseSelect(name, open, depth, pluralName),
                "" => throw Error($"expected an argument type (number, plural, select or selectordinal) but found {Describe(_pos)}", _pos),
                "date" or "time" or "duration" or "spellout" or "ordinal" or "choice" => throw Error(
                    $"argument type '{type}' is not supported; pass dates and money already formatted, and use plural or select instead of choice",
                    typePosition),
                _ => throw Error($"unknown argument type '{type}'", typePosition),
            };
        }

        private ArgumentNode ParseNumber(string name, int open)
        {
            var style = NumberStyle.Default;
            if (TryConsume(','))
            {
                SkipWhite();
                var stylePosition = _pos;
                style = ReadIdentifier() switch
                {
                    "integer" => NumberStyle.Integer,
                    "percent" => NumberStyle.Percent,
                    _ => throw Error("number style must be 'integer' or 'percent'", stylePosition),
                };
                SkipWhite();
            }

            if (!TryConsume('}'))
            {
                throw Error($"expected '}}' to close the number argument '{name}' but found {Describe(_pos)}", _pos);
            }

            _arguments.Add(new MessageArgumentInfo(name, MessageArgumentKind.Number, [], open));
            return new ArgumentNode(name, style);
        }

        private PluralNode ParsePlural(string name, bool ordinal, int open, int depth)
        {
            var type = ordinal ? "selectordinal" : "plural";
            if (!TryConsume(','))
            {
                throw Error($"expected ',' after '{type}' but found {Describe(_pos)}", _pos);
            }

            // Reserve the slot now so that arguments are listed in order of appearance, outer before nested.
            var slot = ReserveArgumentSlot();
            SkipWhite();
            var offset = 0m;
            if (source.AsSpan(_pos).StartsWith("offset:", StringComparison.Ordinal))
            {
                _pos += "offset:".Length;
                SkipWhite();
                offset = ReadNumber("offset");
            }

            var selectors = new List<string>();
            var exactCases = new List<(decimal, Node[])>();
            var categoryCases = new Node[]?[PluralCategories.Count];
            Node[]? other = null;
            while (true)
            {
                SkipWhite();
                if (TryConsume('}'))
                {
                    break;
                }

                if (_pos >= source.Length)
                {
                    throw Error($"expected '}}' to close the {type} argument '{name}' opened at position {open}", _pos);
                }

                var selectorPosition = _pos;
                string selector;
                decimal? exact = null;
                var category = PluralCategory.Other;
                if (source[_pos] == '=')
                {
                    _pos++;
                    exact = ReadNumber("=N selector");
                    selector = source[selectorPosition.._pos];
                    if (exactCases.Exists(c => c.Item1 == exact))
                    {
                        throw Error($"duplicate selector '{selector}' in '{name}'", selectorPosition);
                    }
                }
                else
                {
                    selector = ReadIdentifier();
                    if (selector.Length == 0)
                    {
                        throw Error($"expected a plural selector (zero, one, two, few, many, other or =N) but found {Describe(_pos)}", _pos);
                    }

                    if (!PluralCategories.TryParse(selector, out category))
                    {
                        throw Error($"'{selector}' is not a plural category; use zero, one, two, few, many, other or =N", selectorPosition);
                    }

                    if (selectors.Contains(selector))
                    {
                        throw Error($"duplicate selector '{selector}' in '{name}'", selectorPosition);
                    }
                }

                var body = ParseBranch(selector, depth, name);
                selectors.Add(selector);
                if (exact is { } value)
                {
                    exactCases.Add((value, body));
                }
                else if (category == PluralCategory.Other)
                {
                    other = body;
                }
                else
                {
                    categoryCases[(int)category] = body;
                }
            }

            if (other is null)
            {
                throw Error($"the {type} argument '{name}' has no 'other' branch, which every language needs", open);
            }

            var kind = ordinal ? MessageArgumentKind.SelectOrdinal : MessageArgumentKind.Plural;
            _arguments[slot] = new MessageArgumentInfo(name, kind, selectors, open);
            return new PluralNode(name, ordinal, offset, [.. exactCases], categoryCases, other);
        }

        private SelectNode ParseSelect(string name, int open, int depth, string? pluralName)
        {
            if (!TryConsume(','))
            {
                throw Error($"expected ',' after 'select' but found {Describe(_pos)}", _pos);
            }

            var slot = ReserveArgumentSlot();
            var selectors = new List<string>();
            var cases = new List<(string, Node[])>();
            Node[]? other = null;
            while (true)
            {
                SkipWhite();
                if (TryConsume('}'))
                {
                    break;
                }

                if (_pos >= source.Length)
                {
                    throw Error($"expected '}}' to close the select argument '{name}' opened at position {open}", _pos);
                }

                var selectorPosition = _pos;
                var selector = ReadWhile(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
                if (selector.Length == 0)
                {
                    throw Error($"expected a select key but found {Describe(_pos)}", _pos);
                }

                if (selectors.Contains(selector))
                {
                    throw Error($"duplicate selector '{selector}' in '{name}'", selectorPosition);
                }

                // Inside a plural, '#' keeps meaning the plural's number through a nested select.
                var body = ParseBranch(selector, depth, pluralName);
                selectors.Add(selector);
                if (selector == "other")
                {
                    other = body;
                }
                else
                {
                    cases.Add((selector, body));
                }
            }

            if (other is null)
            {
                throw Error($"the select argument '{name}' has no 'other' branch", open);
            }

            _arguments[slot] = new MessageArgumentInfo(name, MessageArgumentKind.Select, selectors, open);
            return new SelectNode(name, [.. cases], other);
        }

        private Node[] ParseBranch(string selector, int depth, string? pluralName)
        {
            SkipWhite();
            if (!TryConsume('{'))
            {
                throw Error($"expected '{{' after the selector '{selector}' but found {Describe(_pos)}", _pos);
            }

            var body = ParseMessage(depth + 1, pluralName, _pos - 1);
            _pos++; // ParseMessage stops on the closing brace.
            return body;
        }

        /// <summary>ICU apostrophe rules: <c>''</c> is one apostrophe; <c>'</c> before a brace (or <c>#</c> in a plural) quotes up to the next lone <c>'</c>; any other <c>'</c> is literal.</summary>
        private void ReadApostrophe(StringBuilder text, bool inPlural)
        {
            var start = _pos;
            var next = _pos + 1 < source.Length ? source[_pos + 1] : '\0';
            if (next == '\'')
            {
                text.Append('\'');
                _pos += 2;
                return;
            }

            if (next is not ('{' or '}') && !(next == '#' && inPlural))
            {
                text.Append('\'');
                _pos++;
                return;
            }

            _pos++;
            while (_pos < source.Length)
            {
                if (source[_pos] == '\'')
                {
                    if (_pos + 1 < source.Length && source[_pos + 1] == '\'')
                    {
                        text.Append('\'');
                        _pos += 2;
                        continue;
                    }

                    _pos++;
                    return;
                }

                text.Append(source[_pos++]);
            }

            throw Error("quoted text is never closed; end it with another ' (write '' for an apostrophe)", start);
        }

        private int ReserveArgumentSlot()
        {
            _arguments.Add(null!);
            return _arguments.Count - 1;
        }

        private decimal ReadNumber(string what)
        {
            var start = _pos;
            if (_pos < source.Length && source[_pos] == '-')
            {
                _pos++;
            }

            ReadWhile(static c => char.IsAsciiDigit(c) || c == '.');
            const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
            if (!decimal.TryParse(source.AsSpan(start, _pos - start), styles, CultureInfo.InvariantCulture, out var value))
            {
                throw Error($"expected a number for the {what} but found {Describe(start)}", start);
            }

            return value;
        }

        private string ReadIdentifier()
        {
            if (_pos >= source.Length || !(char.IsAsciiLetter(source[_pos]) || source[_pos] == '_'))
            {
                return string.Empty;
            }

            return ReadWhile(static c => char.IsAsciiLetterOrDigit(c) || c == '_');
        }

        private string ReadWhile(Func<char, bool> predicate)
        {
            var start = _pos;
            while (_pos < source.Length && predicate(source[_pos]))
            {
                _pos++;
            }

            return source[start.._pos];
        }

        private bool TryConsume(char c)
        {
            if (_pos < source.Length && source[_pos] == c)
            {
                _pos++;
                return true;
            }

            return false;
        }

        private void SkipWhite()
        {
            while (_pos < source.Length && char.IsWhiteSpace(source[_pos]))
            {
                _pos++;
            }
        }

        private string Describe(int position) => position < source.Length ? $"'{source[position]}'" : "the end of the message";

        private static void Flush(StringBuilder text, List<Node> nodes)
        {
            if (text.Length > 0)
            {
                nodes.Add(new TextNode(text.ToString()));
                text.Clear();
            }
        }

        private static MessageFormatException Error(string reason, int position) => new(reason, position);
    }
}
