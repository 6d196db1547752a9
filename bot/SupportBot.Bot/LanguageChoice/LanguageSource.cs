namespace SupportBot.Bot.LanguageChoice;

/// <summary>Where a conversation's language came from, weakest first (SPEC §6: explicit > channel > detected > country).</summary>
public enum LanguageSource
{
    /// <summary>The deployment's default language; nothing else said anything.</summary>
    Default,

    /// <summary>The default language of the user's country.</summary>
    Country,

    /// <summary>Detected, with confidence, from what the user wrote.</summary>
    Detected,

    /// <summary>The channel's <c>locale</c> (Web Chat's language picker, a Teams client's language).</summary>
    Channel,

    /// <summary>The user chose it: by name, by a language button, by answering a language question, or by changing the page's language.</summary>
    Chosen,
}
