using System.Globalization;

namespace SupportBot.Dialogs.Localization;

/// <summary>A compiled ICU MessageFormat 1 message: parse once, format many times.</summary>
/// <remarks>
/// <para>
/// The supported subset is what the catalogs need and no more (docs/localization.md §7): named arguments
/// <c>{name}</c>; <c>{n, number}</c> with optional <c>integer</c> or <c>percent</c> style; <c>{n, plural, …}</c> with
/// optional <c>offset:</c>, <c>=N</c> and CLDR category selectors, <c>#</c> for the number; <c>{n, selectordinal, …}</c>;
/// <c>{g, select, …}</c>; nesting; and ICU's apostrophe quoting (<c>'{'</c> is a literal brace, <c>''</c> an apostrophe).
/// </para>
/// <para>
/// Deliberately rejected, with a positioned error: positional arguments (<c>{0}</c>, because names document intent to
/// translators), <c>date</c>/<c>time</c>/<c>choice</c> (dates and money are passed already formatted), a plural or select
/// without <c>other</c>, an unmatched <c>}</c> and an unterminated quote (ICU accepts the last two, but they are almost
/// always a translator's slip, such as French <c>l'{name}</c>).
/// </para>
/// <para>
/// <c>#</c> also works inside a <c>select</c> nested in a plural and means the innermost plural's number, as in
/// FormatJS; ICU4J would print it literally there.
/// </para>
/// </remarks>
/// <threadsafety>Immutable; <see cref="Format"/> is safe to call concurrently.</threadsafety>
internal sealed partial class MessagePattern
{
    private readonly Node[] _nodes;

    // Invariant: non-null exactly when the message has no arguments, so formatting it is free.
    private readonly string? _literal;

    private MessagePattern(string source, Node[] nodes, IReadOnlyList<MessageArgumentInfo> arguments)
    {
        Source = source;
        _nodes = nodes;
        Arguments = arguments;
        ArgumentNames = arguments.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        UsesCardinalRules = arguments.Any(a => a.Kind == MessageArgumentKind.Plural);
        UsesOrdinalRules = arguments.Any(a => a.Kind == MessageArgumentKind.SelectOrdinal);
        _literal = nodes switch
        {
            [] => string.Empty,
            [TextNode text] => text.Text,
            _ => null,
        };
    }

    /// <summary>The ICU text this pattern was compiled from.</summary>
    public string Source { get; }

    /// <summary>Every use of an argument, in order of appearance, including those nested in branches.</summary>
    public IReadOnlyList<MessageArgumentInfo> Arguments { get; }

    /// <summary>The distinct argument names.</summary>
    public IReadOnlySet<string> ArgumentNames { get; }

    /// <summary>Whether the message has a <c>plural</c> and so needs cardinal rules.</summary>
    public bool UsesCardinalRules { get; }

    /// <summary>Whether the message has a <c>selectordinal</c> and so needs ordinal rules.</summary>
    public bool UsesOrdinalRules { get; }

    /// <summary>Compiles <paramref name="source"/>; errors are returned, not thrown.</summary>
    public static MessageParseResult Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            var (nodes, arguments) = new Parser(source).Parse();
            return MessageParseResult.ForPattern(new MessagePattern(source, nodes, arguments));
        }
        catch (MessageFormatException error)
        {
            return MessageParseResult.ForError(source, error);
        }
    }

    /// <summary>Formats the message. Never throws for bad or missing arguments: see <see cref="FormattedMessage"/>.</summary>
    /// <param name="culture">The culture numbers are formatted in; always explicit, never the thread's culture.</param>
    /// <param name="cardinal">The rules for <c>plural</c>.</param>
    /// <param name="ordinal">The rules for <c>selectordinal</c>.</param>
    /// <param name="arguments">The named arguments.</param>
    /// <param name="isolateArguments">
    /// Wrap every interpolated value in U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE, so that an e-mail
    /// address or phone number keeps its own direction inside right-to-left text (the plain-text equivalent of <c>&lt;bdi&gt;</c>).
    /// </param>
    public FormattedMessage Format(
        CultureInfo culture,
        PluralRuleSet cardinal,
        PluralRuleSet ordinal,
        in MessageArguments arguments,
        bool isolateArguments = false)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(cardinal);
        ArgumentNullException.ThrowIfNull(ordinal);
        if (_literal is not null)
        {
            return new FormattedMessage(_literal, []);
        }

        var builder = StringBuilderCache.Acquire(Source.Length + 32);
        var state = new FormatState(builder, culture, cardinal, ordinal, arguments, isolateArguments);
        AppendAll(_nodes, ref state, default);
        var text = StringBuilderCache.GetStringAndRelease(builder);
        return new FormattedMessage(text, state.Missing ?? (IReadOnlyList<string>)[]);
    }

    /// <inheritdoc />
    public override string ToString() => Source;
}
