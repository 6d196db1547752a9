namespace SupportBot.Dialogs.Localization;

/// <summary>Small helpers for BCP 47 language tags as used by folder names, CLDR keys and <c>languages.json</c>.</summary>
/// <remarks>
/// Only what the lookups need: normalising the separator, telling whether a folder name looks like a tag (so that
/// <c>locales/countries</c> is not mistaken for a language), and walking to the parent locale the CLDR way
/// (explicit <c>parentLocales</c> first, e.g. es-MX → es-419 and pt-AO → pt-PT, then truncation, fr-CA → fr).
/// </remarks>
internal static class LanguageTags
{
    /// <summary>Replaces <c>_</c> with <c>-</c> and trims, so that <c>fr_CA</c> and <c>fr-CA</c> meet.</summary>
    public static string Normalize(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var trimmed = tag.Trim();
        return trimmed.Contains('_', StringComparison.Ordinal) ? trimmed.Replace('_', '-') : trimmed;
    }

    /// <summary>Whether <paramref name="name"/> has the shape of a language tag: 2–3 lowercase letters, then subtags of 2–8 letters or digits.</summary>
    public static bool LooksLikeTag(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parts = name.Split('-');
        if (parts[0].Length is < 2 or > 3 || !parts[0].All(char.IsAsciiLetterLower))
        {
            return false;
        }

        return parts.Skip(1).All(p => p.Length is >= 2 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }

    /// <summary>The base language subtag: <c>fr</c> for <c>fr-CA</c>.</summary>
    public static ReadOnlySpan<char> BaseLanguage(string tag)
    {
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? tag : tag.AsSpan(0, dash);
    }

    /// <summary>Whether two tags share their base language, ignoring case.</summary>
    public static bool SameBaseLanguage(string a, string b) =>
        BaseLanguage(a).Equals(BaseLanguage(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>The parent locale of <paramref name="tag"/>, or null at the root.</summary>
    /// <param name="tag">A normalised tag.</param>
    /// <param name="parentLocales">CLDR <c>parentLocales.parentLocale</c>, case-insensitive keys; may be empty.</param>
    public static string? GetParent(string tag, IReadOnlyDictionary<string, string> parentLocales)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(parentLocales);
        if (parentLocales.TryGetValue(tag, out var parent))
        {
            return IsRoot(parent) ? null : parent;
        }

        var dash = tag.LastIndexOf('-');
        return dash <= 0 ? null : tag[..dash];
    }

    /// <summary>Whether <paramref name="tag"/> names the CLDR root locale.</summary>
    public static bool IsRoot(string tag) =>
        tag.Length == 0 || tag.Equals("und", StringComparison.OrdinalIgnoreCase) || tag.Equals("root", StringComparison.OrdinalIgnoreCase);
}
