using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Dialogs.Verification;

/// <summary>
/// The shape of a saved recovery code: 16 Crockford base32 characters in four groups, <c>7KQM-4XPD-9RTA-WB2F</c>,
/// i.e. 80 random bits (docs/security.md B2 asks for at least 64). Crockford's alphabet has no I, L, O or U, and
/// reading forgives them (I, L → 1; O → 0), lower case and missing dashes, because people copy codes from paper.
/// Spaces are not forgiven: four words of four letters and digits in a sentence would read as a code.
/// </summary>
public static partial class RecoveryCodeFormat
{
    /// <summary>The 32 symbols, 5 bits each.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int Length = 16;

    /// <summary>Recovery codes in <paramref name="text"/>, normalised (upper case, no dashes), in order of appearance.</summary>
    public static IReadOnlyList<string> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new List<string>();
        foreach (Match match in Shape().Matches(text))
        {
            if (Normalize(match.Value) is { } code)
            {
                found.Add(code);
            }
        }

        return found;
    }

    /// <summary>The canonical form (16 symbols, no dashes) of something typed, or <see langword="null"/> if it is no recovery code.</summary>
    public static string? Normalize(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var builder = new StringBuilder(Length);
        foreach (var raw in typed)
        {
            if (raw is '-')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                var other => other,
            };
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            builder.Append(c);
        }

        // A code needs letters and digits both: an all-digit run is a one-time code or a phone number, not this.
        var code = builder.ToString();
        return code.Length == Length && code.Any(char.IsAsciiLetter) && code.Any(char.IsAsciiDigit) ? code : null;
    }

    /// <summary>Displays a canonical code in groups of four.</summary>
    public static string Display(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length == Length ? string.Join('-', code.Chunk(4).Select(chunk => new string(chunk))) : code;
    }

    /// <summary>Replaces every recovery code in <paramref name="text"/> with <paramref name="mask"/>.</summary>
    public static string Redact(string text, string mask, out bool found)
    {
        ArgumentNullException.ThrowIfNull(text);
        var any = false;
        var result = Shape().Replace(text, match =>
        {
            if (Normalize(match.Value) is null)
            {
                return match.Value;
            }

            any = true;
            return mask;
        });
        found = any;
        return result;
    }

    // Four groups of four, dashes optional between groups. Not spaces: "card 4111 1111 1111" is no recovery code.
    [GeneratedRegex(@"(?<![A-Za-z0-9-])[A-Za-z0-9]{4}(?:-?[A-Za-z0-9]{4}){3}(?![A-Za-z0-9-])", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
