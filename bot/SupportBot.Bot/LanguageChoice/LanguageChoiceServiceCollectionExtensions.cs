using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Localization;
using SupportBot.Dialogs.LanguageDetection;

namespace SupportBot.Bot.LanguageChoice;

/// <summary>Registers language detection and the per-turn language choice.</summary>
public static class LanguageChoiceServiceCollectionExtensions
{
    public static IServiceCollection AddLanguageChoice(this IServiceCollection services)
    {
        services.AddOptions<LanguageChoiceOptions>().BindConfiguration("LanguageChoice").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LanguageDetectorOptions>().BindConfiguration("LanguageDetection").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(provider => LanguageDetectorLoader.Train(
            provider.GetRequiredService<LocaleFolder>(), provider.GetRequiredService<IOptions<LanguageDetectorOptions>>().Value));
        services.TryAddSingleton<ICountryLanguageDefault, ConfiguredCountryLanguageDefault>();
        services.TryAddSingleton<LanguageNegotiator>();
        return services;
    }
}
