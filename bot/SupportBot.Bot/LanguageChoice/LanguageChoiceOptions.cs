using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.LanguageChoice;

/// <summary>How the conversation's language is chosen; bound from section <c>LanguageChoice</c>.</summary>
public sealed class LanguageChoiceOptions
{
    /// <summary>Messages with fewer words are not used to detect a language ("ok", "hi" are in every language).</summary>
    /// <value>2</value>
    [Range(1, 20)]
    public int MinWordsToDetect { get; set; } = 2;

    /// <summary>Default language per country (ISO 3166 alpha-2 → language tag), e.g. <c>"PH": "fil"</c>.</summary>
    public Dictionary<string, string> CountryDefaults { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
