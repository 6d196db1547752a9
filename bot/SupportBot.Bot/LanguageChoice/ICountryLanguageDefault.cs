namespace SupportBot.Bot.LanguageChoice;

/// <summary>The language a country's users get when nothing stronger says which (SPEC §6, the last resort).</summary>
/// <remarks>
/// The configured implementation reads <c>LanguageChoice:CountryDefaults</c>; a deployment with country profiles
/// registers one that reads their default language instead.
/// </remarks>
public interface ICountryLanguageDefault
{
    /// <summary>The default language of <paramref name="country"/> (ISO 3166 alpha-2), or <see langword="null"/> when none is known.</summary>
    string? DefaultLanguage(string country);
}
