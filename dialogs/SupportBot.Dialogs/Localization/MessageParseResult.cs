using System.Diagnostics.CodeAnalysis;

namespace SupportBot.Dialogs.Localization;

/// <summary>The outcome of parsing an ICU message: a compiled <see cref="MessagePattern"/> or a positioned error.</summary>
/// <remarks>
/// A result rather than an exception because broken translations are expected input (the validator lists them all,
/// the localizer skips to the next fallback language); it is cached as is, so a broken message is parsed only once.
/// </remarks>
/// <threadsafety>Immutable; safe to share.</threadsafety>
internal sealed class MessageParseResult
{
    private MessageParseResult(string source, MessagePattern? pattern, MessageFormatException? error)
    {
        Source = source;
        Pattern = pattern;
        Error = error;
    }

    /// <summary>The message text that was parsed.</summary>
    public string Source { get; }

    /// <summary>Whether the message parsed.</summary>
    [MemberNotNullWhen(true, nameof(Pattern))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Pattern is not null;

    /// <summary>The compiled message, or null when parsing failed.</summary>
    public MessagePattern? Pattern { get; }

    /// <summary>The parse error, or null when parsing succeeded.</summary>
    public MessageFormatException? Error { get; }

    /// <summary>The compiled message.</summary>
    /// <exception cref="MessageFormatException">The message did not parse.</exception>
    public MessagePattern Value => Pattern ?? throw new MessageFormatException(Error!.Reason, Error.Position);

    /// <summary>A successful parse.</summary>
    public static MessageParseResult ForPattern(MessagePattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new MessageParseResult(pattern.Source, pattern, null);
    }

    /// <summary>A failed parse of <paramref name="source"/>.</summary>
    public static MessageParseResult ForError(string source, MessageFormatException error)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(error);
        return new MessageParseResult(source, null, error);
    }
}
