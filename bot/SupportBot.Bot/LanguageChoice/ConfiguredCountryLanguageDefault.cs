using Microsoft.Extensions.Options;

namespace SupportBot.Bot.LanguageChoice;

/// <summary>Country defaults from configuration (<c>LanguageChoice:CountryDefaults:PH = fil</c>).</summary>
public sealed class ConfiguredCountryLanguageDefault(IOptions<LanguageChoiceOptions> options) : ICountryLanguageDefault
{
    private readonly Dictionary<string, string> _defaults = new(options.Value.CountryDefaults, StringComparer.OrdinalIgnoreCase);

    public string? DefaultLanguage(string country) =>
        !string.IsNullOrWhiteSpace(country) && _defaults.TryGetValue(country, out var language) ? language : null;
}
