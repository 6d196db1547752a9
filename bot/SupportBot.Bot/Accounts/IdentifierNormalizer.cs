namespace SupportBot.Bot.Accounts;

/// <summary>One spelling per identifier, so lookups and throttles see "Sam@Example.com " and "sam@example.com" as one.</summary>
public static class IdentifierNormalizer
{
    public static string Normalize(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var trimmed = identifier.Trim();
        if (trimmed.Contains('@', StringComparison.Ordinal) && !trimmed.StartsWith('@'))
        {
            return trimmed.ToLowerInvariant();
        }

        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 7 && trimmed.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '.' or '(' or ')'))
        {
            return "+" + digits;
        }

        return trimmed.TrimStart('@').ToLowerInvariant();
    }
}
