using System.Text;

namespace SupportBot.Bot.Localization.Tooling;

/// <summary>
/// Pseudo-localisation of ICU messages (docs/localization.md §4): <c>qps-ploc</c> accents every letter, makes the text
/// about 35% longer and brackets it, so hard-coded (unaccented) text, concatenation (a bracket mid-sentence) and
/// truncation show; <c>qps-plocm</c> also wraps the text in right-to-left overrides, to try a mirrored layout.
/// Only literal text changes: argument names, types, plural and select keywords, <c>#</c>, quoted text, markdown
/// markers and links stay as they are, so every message still parses with the source's arguments.
/// </summary>
internal static class PseudoLocalizer
{
    public const string Accented = "qps-ploc";
    public const string Mirrored = "qps-plocm";

    private const string From = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string To = "àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
    private const char RightToLeftOverride = '\u202E';
    private const char PopDirectionalFormatting = '\u202C';

    /// <summary>The pseudo-localised form of <paramref name="message"/>.</summary>
    /// <param name="message">An ICU message of the source language.</param>
    /// <param name="mirrored">Whether to produce the right-to-left variant.</param>
    public static string Transform(string message, bool mirrored)
    {
        ArgumentNullException.ThrowIfNull(message);
        var output = new StringBuilder(message.Length * 2);
        var index = 0;
        output.Append('[');
        if (mirrored)
        {
            output.Append(RightToLeftOverride);
        }

        CopyMessage(message, ref index, output, nested: false);

        // About 35% longer than the source, brackets included; never fewer than two marks.
        output.Append(' ').Append('·', Math.Max(2, (int)Math.Ceiling(message.Length * 0.35) - 3));
        if (mirrored)
        {
            output.Append(PopDirectionalFormatting);
        }

        return output.Append(']').ToString();
    }

    private static void CopyMessage(string s, ref int i, StringBuilder output, bool nested)
    {
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '}' && nested)
            {
                return;
            }

            if (c == '{')
            {
                CopyArgument(s, ref i, output);
                continue;
            }

            if (c == '\'' && i + 1 < s.Length && s[i + 1] is '{' or '}' or '#' or '|' or '\'')
            {
                // Quoted ICU text: copied as written, up to the closing quote.
                var end = s[i + 1] == '\'' ? i + 2 : s.IndexOf('\'', i + 1) is var close and > 0 ? close + 1 : s.Length;
                output.Append(s, i, end - i);
                i = end;
                continue;
            }

            if (c is 'h' && (string.CompareOrdinal(s, i, "http://", 0, 7) == 0 || string.CompareOrdinal(s, i, "https://", 0, 8) == 0))
            {
                var end = i;
                while (end < s.Length && !char.IsWhiteSpace(s[end]) && s[end] is not (')' or '}' or '{'))
                {
                    end++;
                }

                output.Append(s, i, end - i);
                i = end;
                continue;
            }

            var mapped = From.IndexOf(c, StringComparison.Ordinal);
            if (mapped >= 0)
            {
                output.Append(To[mapped]);
            }
            else
            {
                output.Append(c);
            }

            i++;
        }
    }

    /// <summary>Copies <c>{name}</c>, <c>{name, type, style}</c> or a plural/select with its branches (whose text is transformed).</summary>
    private static void CopyArgument(string s, ref int i, StringBuilder output)
    {
        var start = i;
        var depthStart = i;
        i++; // '{'
        var header = new StringBuilder();
        while (i < s.Length && s[i] is not ('{' or '}'))
        {
            header.Append(s[i++]);
        }

        var parts = header.ToString().Split(',');
        var type = parts.Length > 1 ? parts[1].Trim() : string.Empty;
        if (type is not ("plural" or "select" or "selectordinal") || i >= s.Length || s[i] == '}')
        {
            // A simple argument (or one with a style): copy as written.
            if (i < s.Length)
            {
                i++;
            }

            output.Append(s, start, i - start);
            return;
        }

        // Selectors and their branches: "=0 {…} one {…} other {…}".
        output.Append(s, depthStart, i - depthStart - parts[^1].Length);
        var selectors = parts[^1];
        i -= selectors.Length;
        while (i < s.Length && s[i] != '}')
        {
            if (s[i] == '{')
            {
                output.Append('{');
                i++;
                CopyMessage(s, ref i, output, nested: true);
                if (i < s.Length)
                {
                    output.Append('}');
                    i++;
                }
            }
            else
            {
                output.Append(s[i++]);
            }
        }

        if (i < s.Length)
        {
            output.Append('}');
            i++;
        }
    }
}
