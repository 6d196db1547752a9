namespace SupportBot.Bot.Web;

/// <summary>Where the localisation team's files (<c>locales/</c>) are read from.</summary>
internal sealed class LocalesOptions
{
    public const string SectionName = "Locales";

    /// <summary>The <c>locales/</c> folder; a relative path is taken from the content root.</summary>
    /// <value>
    /// Unset by default, which means: the content root's <c>locales/</c> when present, else the one beside the
    /// application (a published app), else the one in the folder holding <c>SupportBot.sln</c> above the
    /// application (a build or test run from the repository). <see cref="LocalesOptionsValidator"/> checks the
    /// result at start-up.
    /// </value>
    public string? Path { get; set; }
}
