using System.Globalization;

namespace SupportBot.Dialogs.Localization;

/// <summary>One compiled CLDR plural condition, e.g. <c>n % 10 = 2..4 and n % 100 != 12..14</c>.</summary>
/// <remarks>
/// <para>
/// Grammar (UTS #35, Language Plural Rules): <c>condition = and_condition ('or' and_condition)*</c>,
/// <c>and_condition = relation ('and' relation)*</c>, <c>relation = operand ('%' value)? ('=' | '!=') range_list</c>,
/// <c>range_list = (value | value'..'value) (',' …)*</c>. The empty condition is always true (the <c>other</c> rule).
/// Only the <c>=</c>/<c>!=</c> spelling used by CLDR JSON is accepted; the legacy <c>is/in/within</c> forms are not.
/// </para>
/// <para>
/// Everything from the first <c>@</c> on (the <c>@integer</c>/<c>@decimal</c> samples) is ignored: samples document a
/// rule, they do not define it. A range matches only integers (<c>n = 0..1</c> is false for 0.5, as the spec says),
/// while a single value is compared numerically (<c>n = 1</c> is true for 1.0).
/// </para>
/// </remarks>
/// <threadsafety>Immutable after parsing; <see cref="Matches"/> is safe to call concurrently.</threadsafety>
internal sealed class PluralCondition
{
    // Invariant: an empty outer array means "always true"; inner arrays are never empty.
    private readonly Relation[][] _orOfAnds;

    private PluralCondition(string source, Relation[][] orOfAnds)
    {
        Source = source;
        _orOfAnds = orOfAnds;
    }

    /// <summary>The rule text this condition was parsed from, without its samples.</summary>
    public string Source { get; }

    /// <summary>Whether the condition is empty and so matches every number.</summary>
    public bool IsAlwaysTrue => _orOfAnds.Length == 0;

    /// <summary>Parses a rule as written in CLDR JSON; the samples after <c>@</c> are ignored.</summary>
    /// <exception cref="FormatException">The rule is malformed; the message gives the position.</exception>
    public static PluralCondition Parse(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var at = rule.IndexOf('@');
        var text = (at < 0 ? rule : rule[..at]).Trim();
        return new PluralCondition(text, new Parser(text).ParseCondition());
    }

    /// <summary>Whether the number described by <paramref name="operands"/> satisfies the condition.</summary>
    public bool Matches(in PluralOperands operands)
    {
        if (_orOfAnds.Length == 0)
        {
            return true;
        }

        foreach (var and in _orOfAnds)
        {
            var all = true;
            foreach (var relation in and)
            {
                if (!relation.Matches(operands))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Source;

    private sealed class Relation(char operand, decimal? modulus, bool negated, (decimal Low, decimal High)[] ranges)
    {
        public bool Matches(in PluralOperands operands)
        {
            var x = operands.Get(operand);
            if (modulus is { } m)
            {
                x %= m;
            }

            var isInteger = x == decimal.Truncate(x);
            var any = false;
            foreach (var (low, high) in ranges)
            {
                if (low == high ? x == low : isInteger && x >= low && x <= high)
                {
                    any = true;
                    break;
                }
            }

            return any != negated;
        }
    }

    private ref struct Parser(string text)
    {
        private int _pos;

        public Relation[][] ParseCondition()
        {
            SkipWhite();
            if (_pos == text.Length)
            {
                return [];
            }

            var ors = new List<Relation[]>();
            do
            {
                var ands = new List<Relation> { ParseRelation() };
                while (TryKeyword("and"))
                {
                    ands.Add(ParseRelation());
                }

                ors.Add([.. ands]);
            }
            while (TryKeyword("or"));

            SkipWhite();
            if (_pos != text.Length)
            {
                throw Error("expected 'and', 'or' or the end of the rule");
            }

            return [.. ors];
        }

        private Relation ParseRelation()
        {
            SkipWhite();
            if (_pos == text.Length || "nivwftce".IndexOf(text[_pos]) < 0 || (_pos + 1 < text.Length && char.IsAsciiLetter(text[_pos + 1])))
            {
                throw Error("expected an operand (n, i, v, w, f, t, c or e)");
            }

            var operand = text[_pos++];
            SkipWhite();
            decimal? modulus = null;
            if (Peek('%'))
            {
                _pos++;
                modulus = ParseValue();
                if (modulus == 0)
                {
                    throw Error("modulus must not be zero");
                }

                SkipWhite();
            }

            bool negated;
            if (Peek('='))
            {
                _pos++;
                negated = false;
            }
            else if (Peek('!') && _pos + 1 < text.Length && text[_pos + 1] == '=')
            {
                _pos += 2;
                negated = true;
            }
            else
            {
                throw Error("expected '=' or '!='");
            }

            var ranges = new List<(decimal, decimal)>();
            do
            {
                var low = ParseValue();
                var high = low;
                SkipWhite();
                if (Peek('.') && _pos + 1 < text.Length && text[_pos + 1] == '.')
                {
                    _pos += 2;
                    high = ParseValue();
                    if (high < low)
                    {
                        throw Error("range end is smaller than its start");
                    }
                }

                ranges.Add((low, high));
                SkipWhite();
            }
            while (TryChar(','));

            return new Relation(operand, modulus, negated, [.. ranges]);
        }

        private decimal ParseValue()
        {
            SkipWhite();
            var start = _pos;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
            {
                _pos++;
            }

            if (start == _pos)
            {
                throw Error("expected a number");
            }

            return decimal.Parse(text.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        private bool TryKeyword(string keyword)
        {
            SkipWhite();
            if (string.CompareOrdinal(text, _pos, keyword, 0, keyword.Length) == 0
                && (_pos + keyword.Length == text.Length || !char.IsAsciiLetter(text[_pos + keyword.Length])))
            {
                _pos += keyword.Length;
                return true;
            }

            return false;
        }

        private bool TryChar(char c)
        {
            SkipWhite();
            if (Peek(c))
            {
                _pos++;
                return true;
            }

            return false;
        }

        private readonly bool Peek(char c) => _pos < text.Length && text[_pos] == c;

        private void SkipWhite()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        private readonly FormatException Error(string reason)
        {
            var found = _pos < text.Length ? $"'{text[_pos]}'" : "the end of the rule";
            return new FormatException($"Invalid plural rule '{text}': {reason}, found {found} at position {_pos}.");
        }
    }
}
