namespace SupportBot.Dialogs.Localization;

/// <summary>An ICU message that does not parse, with the position of the problem.</summary>
/// <remarks>
/// Parsing reports this as data in a <see cref="MessageParseResult"/> (a broken translation is an expected outcome,
/// found by the catalog validator); it is thrown only by <see cref="MessageParseResult.Value"/>, when a caller insists.
/// </remarks>
internal sealed class MessageFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="reason"/> at <paramref name="position"/>.</summary>
    /// <param name="reason">What is wrong, without the position, e.g. "expected '}'".</param>
    /// <param name="position">Zero-based UTF-16 index into the message.</param>
    public MessageFormatException(string reason, int position)
        : base($"{reason} (at position {position})")
    {
        Reason = reason;
        Position = position;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>Zero-based UTF-16 index into the message where the problem was found.</summary>
    public int Position { get; }
}
