using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Dialogs.Redaction;

/// <summary>
/// Removes secrets from text before it is stored, logged, shown to an agent or sent to an LLM
/// (docs/security.md G1). It errs on the side of hiding: a stray 6-digit number costs nothing, a leaked code
/// costs an account. Works on digits and shapes, so it needs no language of its own.
/// </summary>
public static partial class SecretRedactor
{
    public const string CodeMask = "[code hidden]";
    public const string TokenMask = "[token hidden]";
    private const string CardMaskPrefix = "[card ending ";

    public static RedactionResult Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new RedactionResult(text ?? string.Empty, []);
        }

        var found = new List<SecretKind>();

        // Card numbers first: sixteen digits in four groups also have the shape of a saved recovery code, and a card
        // must keep its last four digits and raise the warning.
        text = RedactCardNumbers(text, found);

        // Saved recovery codes (letters and digits in four groups) next, before their digits are read as a code.
        text = Verification.RecoveryCodeFormat.Redact(text, CodeMask, out var recoveryCode);
        if (recoveryCode)
        {
            found.Add(SecretKind.Code);
        }

        var result = DigitRun().Replace(text, match => InsideCardMask(text, match) ? match.Value : RedactDigits(match, found));
        result = Jwt().Replace(result, _ => Mark(found, SecretKind.Token, TokenMask));
        result = LongToken().Replace(result, match => LooksRandom(match.Value) ? Mark(found, SecretKind.Token, TokenMask) : match.Value);
        return new RedactionResult(result, found);
    }

    /// <summary>Only the Luhn-valid 13–19 digit card numbers, each replaced by its last four digits.</summary>
    public static string RedactCardNumbers(string text, List<SecretKind> found)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(found);
        return DigitRun().Replace(text, match => InsideCardMask(text, match) ? match.Value : RedactCard(match, found));
    }

    // The last four digits a card mask keeps are not a code.
    private static bool InsideCardMask(string text, Match match) =>
        match.Index >= CardMaskPrefix.Length && string.CompareOrdinal(text, match.Index - CardMaskPrefix.Length, CardMaskPrefix, 0, CardMaskPrefix.Length) == 0;

    private static string RedactCard(Match match, List<SecretKind> found)
    {
        var number = Digits(match.Value);
        return number.Length is >= 13 and <= 19 && Luhn(number)
            ? Mark(found, SecretKind.CardNumber, CardMaskPrefix + number[^4..] + "]")
            : match.Value;
    }

    private static string Digits(string value)
    {
        var digits = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            // Any script's digits ("٤٨٢١٣٩", "४८२१३९", full-width): a code typed in Arabic-Indic digits is still a code.
            var digit = System.Globalization.CharUnicodeInfo.GetDecimalDigitValue(c);
            if (digit >= 0)
            {
                digits.Append((char)('0' + digit));
            }
        }

        return digits.ToString();
    }

    private static string RedactDigits(Match match, List<SecretKind> found)
    {
        var value = match.Value;
        var number = Digits(value);
        if (number.Length is >= 13 and <= 19 && Luhn(number))
        {
            return Mark(found, SecretKind.CardNumber, CardMaskPrefix + number[^4..] + "]");
        }

        // A leading + or a grouped number of 10+ digits reads as a phone number, which is not a secret here.
        var looksLikePhone = value.TrimStart().StartsWith('+') || (number.Length >= 10 && value.Contains(' ', StringComparison.Ordinal));
        if (!looksLikePhone && number.Length is >= 4 and <= 10)
        {
            return Mark(found, SecretKind.Code, CodeMask);
        }

        return value;
    }

    private static string Mark(List<SecretKind> found, SecretKind kind, string replacement)
    {
        found.Add(kind);
        return replacement;
    }

    internal static bool Luhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    private static bool LooksRandom(string value)
    {
        var hasDigit = false;
        var hasLetter = false;
        foreach (var c in value)
        {
            hasDigit |= char.IsAsciiDigit(c);
            hasLetter |= char.IsAsciiLetter(c);
        }

        return hasDigit && hasLetter;
    }

    // Digits possibly grouped by single spaces, dashes or dots: "123 456", "4111-1111-1111-1111", "+44 7700 900123".
    [GeneratedRegex(@"\+?(?<![\w.-])\d(?:[ .-]?\d){3,22}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?<![A-Za-z0-9_@./-])[A-Za-z0-9_\-]{32,}(?![A-Za-z0-9_@./-])", RegexOptions.CultureInvariant)]
    private static partial Regex LongToken();
}
