using System.Security.Cryptography;

namespace SupportBot.Bot.Cases;

/// <summary>
/// Case numbers a person can read out and type back: <c>SB-7K3M-Q9PD</c>, Crockford base32 (no I, L, O, U),
/// 40 random bits so they cannot be guessed.
/// </summary>
public static class CaseIdGenerator
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Next()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"SB-{chars[..4]}-{chars[4..]}";
    }

    /// <summary>Whether text is a well-formed case number (any case, with or without the dash).</summary>
    public static bool IsValid(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, "^SB-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$");
}
