using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SupportBot.Bot.Web;

/// <summary>Registers what the built-in web page needs.</summary>
internal static class WebPagesServiceCollectionExtensions
{
    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        // The locales folder itself is resolved and checked by AddSupportBotCore (LocaleFolder).
        services.TryAddSingleton<LanguageCatalog>();
        return services;
    }
}
