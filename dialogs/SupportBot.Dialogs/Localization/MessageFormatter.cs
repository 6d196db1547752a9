using System.Collections.Concurrent;
using System.Globalization;

namespace SupportBot.Dialogs.Localization;

/// <summary>Formats catalog messages, compiling each (language, key) once and caching the result.</summary>
/// <remarks>
/// <para>
/// Parsing is the expensive part of MessageFormat and catalogs do not change between deploys, so the compiled form
/// (or the parse error) is cached per (language, key). A cache entry remembers its source text and is recompiled if
/// the same key comes back with different text, so a reloaded catalog can never be served a stale pattern.
/// </para>
/// <para>
/// Plural rules are chosen by the language of the message text (its grammar), while the culture that formats numbers
/// is passed in explicitly: the caller decides, and the thread's culture is never consulted.
/// </para>
/// </remarks>
/// <threadsafety>Safe to share as a singleton; the cache is concurrent and patterns are immutable.</threadsafety>
internal sealed class MessageFormatter
{
    private readonly ConcurrentDictionary<(string Language, string Key), MessageParseResult> _cache = new();

    /// <summary>Creates a formatter that takes plural categories from <paramref name="pluralRules"/>.</summary>
    public MessageFormatter(PluralRules pluralRules)
    {
        ArgumentNullException.ThrowIfNull(pluralRules);
        PluralRules = pluralRules;
    }

    /// <summary>The CLDR rules used for <c>plural</c> and <c>selectordinal</c>.</summary>
    public PluralRules PluralRules { get; }

    /// <summary>The compiled form of <paramref name="message"/>, from the cache when the same text was compiled before.</summary>
    /// <param name="language">The language of the message; part of the cache key.</param>
    /// <param name="key">The catalog key; part of the cache key.</param>
    /// <param name="message">The ICU text.</param>
    public MessageParseResult GetPattern(string language, string key, string message)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        var cacheKey = (language, key);
        if (_cache.TryGetValue(cacheKey, out var cached)
            && (ReferenceEquals(cached.Source, message) || string.Equals(cached.Source, message, StringComparison.Ordinal)))
        {
            return cached;
        }

        var parsed = MessagePattern.Parse(message);
        _cache[cacheKey] = parsed;
        return parsed;
    }

    /// <summary>Formats a compiled message with the plural rules of <paramref name="language"/>.</summary>
    /// <param name="language">The language the message is written in; selects the plural rules.</param>
    /// <param name="pattern">The compiled message.</param>
    /// <param name="culture">The culture numbers are formatted in.</param>
    /// <param name="arguments">The named arguments.</param>
    /// <param name="isolateArguments">Wrap interpolated values in bidi isolates (for right-to-left text).</param>
    public FormattedMessage Format(
        string language,
        MessagePattern pattern,
        CultureInfo culture,
        in MessageArguments arguments,
        bool isolateArguments = false)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(pattern);
        var cardinal = pattern.UsesCardinalRules ? PluralRules.GetCardinalRules(language) : PluralRuleSet.OtherOnly;
        var ordinal = pattern.UsesOrdinalRules ? PluralRules.GetOrdinalRules(language) : PluralRuleSet.OtherOnly;
        return pattern.Format(culture, cardinal, ordinal, arguments, isolateArguments);
    }

    /// <summary>Compiles (once) and formats a catalog message.</summary>
    /// <param name="language">The language the message is written in; selects the plural rules and keys the cache.</param>
    /// <param name="key">The catalog key; keys the cache.</param>
    /// <param name="message">The ICU text.</param>
    /// <param name="culture">The culture numbers are formatted in.</param>
    /// <param name="arguments">The named arguments.</param>
    /// <param name="isolateArguments">Wrap interpolated values in bidi isolates (for right-to-left text).</param>
    /// <exception cref="MessageFormatException">The message does not parse; the exception gives the position.</exception>
    public FormattedMessage Format(
        string language,
        string key,
        string message,
        CultureInfo culture,
        in MessageArguments arguments,
        bool isolateArguments = false) =>
        Format(language, GetPattern(language, key, message).Value, culture, arguments, isolateArguments);
}
