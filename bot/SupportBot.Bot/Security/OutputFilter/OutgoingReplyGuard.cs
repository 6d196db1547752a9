using System.Text.RegularExpressions;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Security.OutputFilter;

/// <summary>
/// The last, deterministic check on every text the user is sent (security.md A5): after rendering, before sending.
/// A reply that shows a full email address or phone number (other than the catalogs' own placeholders), carries a
/// run of 6–10 digits (a bot reply never carries a code), or — when it is not catalog text, i.e. an agent's message —
/// asks for a password or code, is replaced with <c>output-filter.blocked</c>. Why it was blocked is logged, never the text.
/// </summary>
public sealed partial class OutgoingReplyGuard(ITextRenderer text, OutputFilterLexicon lexicon, ILogger<OutgoingReplyGuard> logger)
{
    public const string BlockedKey = "output-filter.blocked";

    /// <summary>Where a text came from: catalog text cannot ask for a secret by construction; an agent's words can.</summary>
    public enum Source
    {
        Catalog,
        Agent,
    }

    /// <summary>Why a text was blocked, or <see cref="Verdict.Allowed"/>.</summary>
    public enum Verdict
    {
        Allowed,
        FullContact,
        Code,
        AsksForSecret,
    }

    public Verdict Inspect(string? candidate, Source source)
    {
        if (string.IsNullOrEmpty(candidate))
        {
            return Verdict.Allowed;
        }

        // Placeholders the catalogs themselves show (name@example.com, +1 555 0111) are neither contacts nor codes.
        var remaining = Email().Replace(candidate, m => lexicon.IsPlaceholder(m.Value) ? " " : "\u0000");
        if (remaining.Contains('\u0000', StringComparison.Ordinal))
        {
            return Verdict.FullContact;
        }

        remaining = Phone().Replace(remaining, m => !LooksLikePhone(m.Value) ? m.Value : lexicon.IsPlaceholder(m.Value) ? " " : "\u0000");
        if (remaining.Contains('\u0000', StringComparison.Ordinal))
        {
            return Verdict.FullContact;
        }

        if (CodeRun().IsMatch(remaining))
        {
            return Verdict.Code;
        }

        return source == Source.Agent && lexicon.AsksForSecret(candidate) ? Verdict.AsksForSecret : Verdict.Allowed;
    }

    /// <summary>Returns the activity unchanged when its text passes, otherwise a copy whose text is the safe message.</summary>
    public Activity Guard(Activity activity, string language, Source source)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var verdict = Inspect(activity.Text, source);
        if (verdict == Verdict.Allowed)
        {
            return activity;
        }

        LogBlocked(logger, source, verdict, activity.Text?.Length ?? 0);
        var safe = activity.ShallowCopy();
        safe.Text = text.Render(language, BlockedKey);
        safe.TextFormat = "plain";
        return safe;
    }

    // Dates the catalogs render ("23.11.2026", "2026-11-23") have the shape of a short phone number; a phone has 7+ digits.
    private static bool LooksLikePhone(string candidate) => candidate.Count(char.IsDigit) >= 7 && !DateShape().IsMatch(candidate.Trim());

    [GeneratedRegex(@"^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateShape();

    // Kept in step with Agents/ContactMasking: a masked address (m•••@example.com) has no clear local part next to the @.
    [GeneratedRegex(@"(?<![•*])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // Digits with the usual separators, not part of a case number (SB-XXXX-XXXX), a word or a time ("2026 08:00").
    [GeneratedRegex(@"(?<![\w-])\+?\d[\d\s().-]{5,}\d(?![\w:-])", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    // Any script's digits: a code typed in Arabic-Indic or Devanagari digits is still a code.
    [GeneratedRegex(@"(?<!\d)\d{6,10}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CodeRun();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blocked an outgoing {Source} message ({Verdict}, {Length} characters); the user was sent the safe message instead.")]
    private static partial void LogBlocked(ILogger logger, Source source, Verdict verdict, int length);
}
