namespace SupportBot.Bot.Localization;

/// <summary>The languages this deployment ships (folders of <c>locales/</c> with a catalog) and how a channel locale maps to one.</summary>
public sealed class SupportedLanguages(IReadOnlyList<string> languages, string defaultLanguage)
{
    public IReadOnlyList<string> All { get; } = languages.Count > 0 ? languages : throw new ArgumentException("At least one language is needed.", nameof(languages));

    public string Default { get; } = languages.Contains(defaultLanguage) ? defaultLanguage : languages[0];

    /// <summary>The shipped language for a BCP-47 locale (<c>fr-CA</c> → <c>fr</c>), or <see langword="null"/>; never throws on junk.</summary>
    public string? Resolve(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale) || locale.Length > 35)
        {
            return null;
        }

        var candidate = locale.Trim().Replace('_', '-');
        while (candidate.Length > 0)
        {
            var match = All.FirstOrDefault(language => string.Equals(language, candidate, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }

            var dash = candidate.LastIndexOf('-');
            candidate = dash < 0 ? string.Empty : candidate[..dash];
        }

        return null;
    }
}
