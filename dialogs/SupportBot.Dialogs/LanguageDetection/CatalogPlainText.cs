using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Dialogs.LanguageDetection;

/// <summary>
/// The words of an ICU MessageFormat value without its syntax, as language-identification training text:
/// <c>"{count, plural, one {# code} other {# codes}}"</c> → <c>"code codes"</c>.
/// </summary>
/// <remarks>
/// Argument names, selector keywords and plural categories are the same in every language, so they would only
/// blur the languages; markdown asterisks and links go too. The output is for statistics, not for display.
/// </remarks>
public static partial class CatalogPlainText
{
    public static string Strip(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = ComplexArgument().Replace(value, " ");
        text = SimpleArgument().Replace(text, " ");
        text = Branch().Replace(text, " ");
        text = Link().Replace(text, " ");
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is '{' or '}' or '#' or '*' or '_' or '`' ? ' ' : c);
        }

        return builder.ToString();
    }

    // "{name, plural," / "{name, select," / "{name, selectordinal," / "{name, number}" openings.
    [GeneratedRegex(@"\{\s*[\p{L}\p{N}_]+\s*,\s*(?:plural|selectordinal|select|number|date|time)\s*(?:,\s*(?:offset:\d+)?)?", RegexOptions.CultureInvariant)]
    private static partial Regex ComplexArgument();

    // "{name}"
    [GeneratedRegex(@"\{\s*[\p{L}\p{N}_]+\s*\}", RegexOptions.CultureInvariant)]
    private static partial Regex SimpleArgument();

    // "one {", "other {", "=0 {", "female {" before a branch body.
    [GeneratedRegex(@"(?:=\d+|[\p{L}_-]+)\s*\{", RegexOptions.CultureInvariant)]
    private static partial Regex Branch();

    [GeneratedRegex(@"https?://\S+|\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
