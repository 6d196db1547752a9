using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Bot.Security.Repudiation;

/// <summary>
/// The "this wasn't me" code in a notice: 15 characters of Crockford base32 (75 bits from the CSPRNG), grouped for
/// reading aloud, e.g. <c>K7M3Q-9PDX2-AB4CF</c>. It only flags a case, but it must not be guessable all the same.
/// </summary>
internal static class RepudiationCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 15;

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{chars[..5]}-{chars[5..10]}-{chars[10..]}";
    }

    /// <summary>What was typed or clicked, upper-cased without separators, with the look-alikes Crockford maps; null if it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 64)
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var c in typed.ToUpperInvariant())
        {
            var mapped = c switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                '-' or ' ' => '\0',
                _ => c,
            };
            if (mapped == '\0')
            {
                continue;
            }

            if (!Alphabet.Contains(mapped, StringComparison.Ordinal))
            {
                return null;
            }

            builder.Append(mapped);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }
}
