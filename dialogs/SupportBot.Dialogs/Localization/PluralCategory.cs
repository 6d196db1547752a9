namespace SupportBot.Dialogs.Localization;

/// <summary>The six CLDR plural categories, in CLDR's canonical order.</summary>
/// <remarks>
/// Every language has <see cref="Other"/>; the others exist only where the language's grammar needs them
/// (English cardinals use one/other, Arabic all six). The numeric order is used to index per-category tables.
/// </remarks>
internal enum PluralCategory
{
    /// <summary>CLDR <c>zero</c>.</summary>
    Zero,

    /// <summary>CLDR <c>one</c>.</summary>
    One,

    /// <summary>CLDR <c>two</c>.</summary>
    Two,

    /// <summary>CLDR <c>few</c>.</summary>
    Few,

    /// <summary>CLDR <c>many</c>.</summary>
    Many,

    /// <summary>CLDR <c>other</c>, the category every language has and the fallback of every plural.</summary>
    Other,
}
