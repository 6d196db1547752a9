using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Bot.Conversation;
using SupportBot.Dialogs.Countries;

namespace SupportBot.Bot.Countries;

/// <summary>Registers the country profiles and what the conversation takes from them.</summary>
public static class CountryServiceCollectionExtensions
{
    /// <summary>Profiles from <c>&lt;localesRoot&gt;/countries</c>, loaded (and checked) when first resolved, i.e. at start-up.</summary>
    public static IServiceCollection AddCountryProfiles(this IServiceCollection services, string localesRoot, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<CountryOptions>().BindConfiguration("Countries")
            .PostConfigure(options => options.IgnoreSupportHours ??= environment.IsDevelopment());
        services.TryAddSingleton<ICountryProfiles>(_ => CountryProfiles.Load(localesRoot));
        services.TryAddSingleton<CountryResolver>();
        services.TryAddSingleton<LanguageChoice.ICountryLanguageDefault, ProfileCountryLanguageDefault>();
        services.TryAddSingleton<CountryDateFormatter>();
        services.TryAddSingleton<ISupportAvailability, CountrySupportAvailability>();
        return services;
    }
}
