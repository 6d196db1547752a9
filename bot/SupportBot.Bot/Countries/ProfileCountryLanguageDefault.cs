using Microsoft.Extensions.Options;
using SupportBot.Bot.LanguageChoice;
using SupportBot.Dialogs.Countries;

namespace SupportBot.Bot.Countries;

/// <summary>
/// A country's default language from its profile (<c>languages.default</c>), unless configuration overrides it
/// (<c>LanguageChoice:CountryDefaults:PH = en</c>), which a deployment may want while a translation is in review.
/// </summary>
public sealed class ProfileCountryLanguageDefault(ICountryProfiles profiles, IOptions<LanguageChoiceOptions> options) : ICountryLanguageDefault
{
    private readonly ConfiguredCountryLanguageDefault _configured = new(options);

    public string? DefaultLanguage(string country) =>
        _configured.DefaultLanguage(country) ?? profiles.Find(country)?.Languages.Default;
}
