using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Dialogs.Redaction;

/// <summary>
/// The redaction every channel applies before text is stored, logged, shown to an agent or sent to an LLM
/// (docs/security.md G1): first what words announce (a password after "password is", "mot de passe :",
/// "contraseña es", "كلمة المرور", "पासवर्ड"; a CVV after "CVV"; an ID number after "passport", "DNI", "NIN"…),
/// then ID and token shapes from the lexicon, then <see cref="SecretRedactor"/>'s language-free shapes (codes, Luhn
/// card numbers keeping the last four, JWTs, long random keys).
/// </summary>
/// <threadsafety>Immutable; one instance serves every conversation.</threadsafety>
public sealed class Redactor
{
    public const string PasswordMask = "[password hidden]";
    public const string CvvMask = "[security code hidden]";
    public const string IdMask = "[ID number hidden]";

    private static readonly TimeSpan s_timeout = TimeSpan.FromMilliseconds(250);

    private readonly Regex? _password;
    private readonly Regex? _cvv;
    private readonly Regex? _id;
    private readonly Regex[] _idPatterns;
    private readonly Regex[] _tokenPatterns;

    public Redactor(RedactionLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var connectors = lexicon.Connectors.Count == 0
            ? "(?!)"
            : string.Join('|', lexicon.Connectors.Select(word => Regex.Escape(word.Normalize(NormalizationForm.FormKC))));

        // keyword (+ the rest of its word: "şifrem", "passwords"), then separators and connector words, then the value.
        var gap = $@"(?<gap>(?:\s*[:=：\-–—]\s*|\s+)(?:(?:{connectors})(?:\s*[:=：]\s*|\s+))*)";
        _password = Keyworded(lexicon.PasswordWords, gap, @"(?<open>[""'«“‘]?)(?<secret>[^\s""'»”’,;]{1,128})");
        _cvv = Keyworded(lexicon.CvvWords, gap, @"(?<open>)(?<secret>\p{Nd}{3,4})(?!\p{Nd})");
        _id = Keyworded(lexicon.IdWords, gap, @"(?<open>)(?<secret>[\p{L}\p{Nd}]*\p{Nd}[\p{L}\p{Nd}]*(?:[ \-/.][\p{L}\p{Nd}]*\p{Nd}[\p{L}\p{Nd}]*){0,4})");
        _idPatterns = [.. lexicon.IdPatterns.Select(pattern => Compile(pattern))];
        _tokenPatterns = [.. lexicon.TokenPatterns.Select(pattern => Compile(pattern))];
    }

    public RedactionResult Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new RedactionResult(text ?? string.Empty, []);
        }

        // Compatibility forms fold to one spelling first: full-width "ｐａｓｓｗｏｒｄ", Arabic presentation forms and
        // decomposed Bengali or Devanagari letters match the keywords they imitate.
        var found = new List<SecretKind>();
        var result = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        foreach (var token in _tokenPatterns)
        {
            result = token.Replace(result, _ => Mark(found, SecretKind.Token, SecretRedactor.TokenMask));
        }

        // Cards before ID shapes: the first twelve digits of a spaced card number look like an Aadhaar number.
        result = SecretRedactor.RedactCardNumbers(result, found);
        result = ReplaceAfterKeyword(_password, result, found, SecretKind.Password, PasswordMask, requireShapeWithoutConnector: true);
        result = ReplaceAfterKeyword(_cvv, result, found, SecretKind.Cvv, CvvMask, requireShapeWithoutConnector: false);
        result = ReplaceAfterKeyword(_id, result, found, SecretKind.IdNumber, IdMask, requireShapeWithoutConnector: false);
        foreach (var id in _idPatterns)
        {
            result = id.Replace(result, _ => Mark(found, SecretKind.IdNumber, IdMask));
        }

        var shapes = SecretRedactor.Redact(result);
        found.AddRange(shapes.Found);
        return new RedactionResult(shapes.Text, found);
    }

    private static string ReplaceAfterKeyword(Regex? regex, string text, List<SecretKind> found, SecretKind kind, string mask, bool requireShapeWithoutConnector) =>
        regex is null
            ? text
            : regex.Replace(text, match =>
            {
                var secret = match.Groups["secret"].Value;
                var announced = match.Groups["gap"].Value.Trim().Length > 0;
                if (secret.StartsWith('[') || (requireShapeWithoutConnector && !announced && !LooksLikeSecret(secret)))
                {
                    return match.Value; // already masked, or an ordinary word after "password" ("password reset").
                }

                found.Add(kind);
                var keep = match.Value[..(match.Groups["secret"].Index - match.Index)];
                return keep + mask;
            });

    /// <summary>Without a connector ("my password hunter2"), only a value with digits, symbols or mixed case is taken for a password.</summary>
    private static bool LooksLikeSecret(string value)
    {
        var digit = value.Any(char.IsDigit);
        var symbol = value.Any(c => !char.IsLetterOrDigit(c));
        var upper = value.Any(char.IsUpper);
        var lower = value.Any(char.IsLower);
        return value.Length >= 4 && (digit || symbol || (upper && lower));
    }

    private static Regex? Keyworded(IReadOnlyList<string> words, string gap, string value)
    {
        if (words.Count == 0)
        {
            return null;
        }

        var keywords = string.Join('|', words.Select(word => Regex.Escape(word.Normalize(NormalizationForm.FormKC))));
        return new Regex(
            $@"(?<![\p{{L}}\p{{M}}\p{{Nd}}])(?:{keywords})[\p{{L}}\p{{M}}]*{gap}{value}",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            s_timeout);
    }

    private static Regex Compile(NamedPattern pattern)
    {
        try
        {
            return new Regex(pattern.Regex, RegexOptions.CultureInvariant, s_timeout);
        }
        catch (ArgumentException exception)
        {
            throw new FormatException($"redaction-patterns.json: '{pattern.Name}' is not a valid regular expression: {exception.Message}", exception);
        }
    }

    private static string Mark(List<SecretKind> found, SecretKind kind, string mask)
    {
        found.Add(kind);
        return mask;
    }
}
