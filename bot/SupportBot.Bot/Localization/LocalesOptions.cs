namespace SupportBot.Bot.Localization;

/// <summary>Where the localisation team's files live, bound from section "Locales".</summary>
public sealed class LocalesOptions
{
    /// <summary>
    /// The <c>locales/</c> folder. Relative paths are resolved against the content root; when empty, the content
    /// root's <c>locales/</c>, else the one beside <c>SupportBot.sln</c> above the app (a development checkout).
    /// </summary>
    public string? Path { get; set; }

    /// <summary>The language used when nothing else says which.</summary>
    /// <value>en</value>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>Offer the pseudo-locales qps-ploc and qps-plocm (generated from en at start-up) in the bot and the page's picker.</summary>
    /// <value>Unset: on outside Production.</value>
    public bool? PseudoLocales { get; set; }
}
