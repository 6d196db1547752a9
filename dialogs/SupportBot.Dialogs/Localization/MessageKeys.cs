namespace SupportBot.Dialogs.Localization;

/// <summary>The shape of a message key: <c>^[a-z0-9]+([._-][a-z0-9]+)*$</c>, e.g. <c>verify.code.sent</c>.</summary>
/// <remarks>
/// Keys are stable IDs, not source text (docs/localization.md §6). Lowercase ASCII with single separators keeps them
/// safe as file, URL and TMS identifiers; checked by hand because it runs for every key at load.
/// </remarks>
internal static class MessageKeys
{
    /// <summary>Whether <paramref name="key"/> matches the key pattern.</summary>
    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var afterSeparator = true;
        foreach (var c in key)
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                afterSeparator = false;
            }
            else if (c is '.' or '_' or '-' && !afterSeparator)
            {
                afterSeparator = true;
            }
            else
            {
                return false;
            }
        }

        return !afterSeparator;
    }
}
