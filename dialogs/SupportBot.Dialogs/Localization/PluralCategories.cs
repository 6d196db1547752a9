namespace SupportBot.Dialogs.Localization;

/// <summary>Converts between <see cref="PluralCategory"/> and the keywords used by CLDR data and ICU messages.</summary>
/// <remarks>The keyword spelling is shared by CLDR JSON (<c>pluralRule-count-one</c>) and ICU selectors (<c>one {…}</c>).</remarks>
internal static class PluralCategories
{
    /// <summary>The number of categories, for sizing per-category tables.</summary>
    public const int Count = 6;

    private static readonly string[] Keywords = ["zero", "one", "two", "few", "many", "other"];

    /// <summary>The keyword of <paramref name="category"/>, e.g. <c>few</c>.</summary>
    public static string ToKeyword(this PluralCategory category) => Keywords[(int)category];

    /// <summary>Reads a category keyword; returns false for anything that is not one of the six keywords.</summary>
    public static bool TryParse(ReadOnlySpan<char> keyword, out PluralCategory category)
    {
        for (var i = 0; i < Keywords.Length; i++)
        {
            if (keyword.SequenceEqual(Keywords[i]))
            {
                category = (PluralCategory)i;
                return true;
            }
        }

        category = PluralCategory.Other;
        return false;
    }
}
