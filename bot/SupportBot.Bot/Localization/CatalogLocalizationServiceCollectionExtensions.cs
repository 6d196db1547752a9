using SupportBot.Dialogs.Localization;

namespace SupportBot.Bot.Localization;

/// <summary>Registers the catalogs of <c>locales/</c> behind <c>IStringLocalizer</c> and the host's <see cref="ITextRenderer"/>.</summary>
internal static class CatalogLocalizationServiceCollectionExtensions
{
    public static IServiceCollection AddCatalogLocalization(this IServiceCollection services, string localesRoot, bool pseudoLocales = false)
    {
        // Pseudo-locales (qps-ploc, qps-plocm) are generated in memory from en when enabled (Locales:PseudoLocales).
        var pseudo = new Tooling.PseudoLocaleCatalogs(localesRoot, pseudoLocales);
        services.AddSingleton(pseudo);
        services.AddJsonLocalization(pseudoLocales ? new Tooling.PseudoLocaleSource(new DirectoryLocaleSource(localesRoot), pseudo) : new DirectoryLocaleSource(localesRoot));
        services.AddSingleton<ITextRenderer, CatalogTextRenderer>();
        return services;
    }
}
