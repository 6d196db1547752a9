using System.Text.RegularExpressions;
using SupportBot.Dialogs.Redaction;

namespace SupportBot.Dialogs.Understanding.Llm;

/// <summary>
/// What the LLM may see of a message (SPEC §4, security.md G1): a message holding any secret the <see cref="Redactor"/>
/// knows (password, code, card, CVV, ID, token) is not sent at all; in the rest, emails, profile links and @handles
/// (the <see cref="EntityExtractor"/>'s patterns) and every number of three or more digits are masked, and the
/// extractor must then find no email, phone or code left, or nothing is sent.
/// </summary>
/// <threadsafety>Immutable; one instance serves every conversation.</threadsafety>
public sealed partial class LlmInputScrubber(Redactor redactor, int maxCharacters = LlmInputScrubber.DefaultMaxCharacters)
{
    public const int DefaultMaxCharacters = 1_000;
    public const string ContactMask = "[contact]";
    public const string NumberMask = "[number]";

    private readonly Redactor _redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));

    /// <summary>The text to send, or <see langword="null"/> when the message must not leave the bot.</summary>
    public ScrubbedText? Scrub(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var redacted = _redactor.Redact(text);
        if (redacted.Changed)
        {
            return null; // A message that carried a secret is understood locally only.
        }

        var masked = EntityExtractor.MaskIdentifiers(redacted.Text, ContactMask);
        masked = Numbers().Replace(masked, NumberMask);
        if (masked.Length > maxCharacters)
        {
            masked = masked[..maxCharacters];
        }

        var left = EntityExtractor.Extract(masked);
        return left.Emails.Count > 0 || left.PhoneNumbers.Count > 0 || left.Codes.Count > 0 ? null : new ScrubbedText(masked);
    }

    // A digit in any script, then digits and the separators phone numbers and codes are written with; three digits or more.
    [GeneratedRegex(@"\+?\p{Nd}(?:[\s\-.()/]*\p{Nd}){2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex Numbers();
}
