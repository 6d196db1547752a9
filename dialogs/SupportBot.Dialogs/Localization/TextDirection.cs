namespace SupportBot.Dialogs.Localization;

/// <summary>The writing direction of a language, from the <c>dir</c> of <c>languages.json</c>.</summary>
/// <remarks>Hosts put it on each message bubble; the localizer isolates interpolated values in right-to-left languages.</remarks>
internal enum TextDirection
{
    /// <summary><c>ltr</c>.</summary>
    LeftToRight,

    /// <summary><c>rtl</c> (Arabic, Urdu, Hebrew, Persian…).</summary>
    RightToLeft,
}
