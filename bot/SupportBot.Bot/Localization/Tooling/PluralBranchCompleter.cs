using System.Text;

namespace SupportBot.Bot.Localization.Tooling;

/// <summary>
/// Gives every <c>plural</c> / <c>selectordinal</c> of a source message the categories a target language needs,
/// each a copy of the <c>other</c> branch (what Crowdin's "copy source" does), so a scaffolded language starts with
/// the right branches for translators to fill in. Other text is copied as written.
/// </summary>
internal static class PluralBranchCompleter
{
    /// <param name="message">An ICU message (assumed to parse).</param>
    /// <param name="cardinal">The target language's cardinal categories (e.g. one, few, many, other).</param>
    /// <param name="ordinal">Its ordinal categories.</param>
    public static string Complete(string message, IReadOnlyCollection<string> cardinal, IReadOnlyCollection<string> ordinal)
    {
        ArgumentNullException.ThrowIfNull(message);
        var output = new StringBuilder(message.Length + 64);
        var i = 0;
        CopyText(message, ref i, output, cardinal, ordinal, nested: false);
        return output.ToString();
    }

    private static void CopyText(string s, ref int i, StringBuilder output, IReadOnlyCollection<string> cardinal, IReadOnlyCollection<string> ordinal, bool nested)
    {
        while (i < s.Length)
        {
            if (s[i] == '}' && nested)
            {
                return;
            }

            if (s[i] == '{')
            {
                CopyArgument(s, ref i, output, cardinal, ordinal);
                continue;
            }

            output.Append(s[i++]);
        }
    }

    private static void CopyArgument(string s, ref int i, StringBuilder output, IReadOnlyCollection<string> cardinal, IReadOnlyCollection<string> ordinal)
    {
        var start = i++;
        while (i < s.Length && s[i] is not ('{' or '}'))
        {
            i++;
        }

        var header = s[(start + 1)..i];
        var parts = header.Split(',');
        var type = parts.Length > 2 ? parts[1].Trim() : string.Empty;
        if (type is not ("plural" or "selectordinal" or "select") || i >= s.Length || s[i] == '}')
        {
            i = Math.Min(i + 1, s.Length);
            output.Append(s, start, i - start);
            return;
        }

        // Back to the first selector, then read "selector {body}" pairs up to the argument's closing brace.
        i -= parts[^1].Length;
        output.Append(s, start, i - start);
        var selectors = new List<string>();
        string? otherBody = null;
        while (i < s.Length && s[i] != '}')
        {
            if (char.IsWhiteSpace(s[i]))
            {
                output.Append(s[i++]);
                continue;
            }

            var selectorStart = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '{')
            {
                i++;
            }

            var selector = s[selectorStart..i];
            output.Append(selector);
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                output.Append(s[i++]);
            }

            if (i >= s.Length || s[i] != '{')
            {
                continue; // "offset:1" and the like carry no body.
            }

            i++;
            var body = new StringBuilder();
            CopyText(s, ref i, body, cardinal, ordinal, nested: true);
            i = Math.Min(i + 1, s.Length);
            output.Append('{').Append(body).Append('}');
            selectors.Add(selector);
            if (selector == "other")
            {
                otherBody = body.ToString();
            }
        }

        var needed = type switch { "plural" => cardinal, "selectordinal" => ordinal, _ => [] };
        if (otherBody is not null)
        {
            foreach (var category in needed.Where(c => c != "other" && !selectors.Contains(c, StringComparer.Ordinal)))
            {
                output.Append(' ').Append(category).Append(" {").Append(otherBody).Append('}');
            }
        }

        if (i < s.Length)
        {
            output.Append('}');
            i++;
        }
    }
}
