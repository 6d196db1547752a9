using SupportBot.Dialogs.Localization;

namespace SupportBot.Bot.Localization;

/// <summary>Registers the catalogs of <c>locales/</c> behind <c>IStringLocalizer</c> and the host's <see cref="ITextRenderer"/>.</summary>
internal static class CatalogLocalizationServiceCollectionExtensions
{
    public static IServiceCollection AddCatalogLocalization(this IServiceCollection services, string localesRoot)
    {
        services.AddJsonLocalization(localesRoot);
        services.AddSingleton<ITextRenderer, CatalogTextRenderer>();
        return services;
    }
}
