using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Web;

/// <summary>Registers what the built-in web page needs.</summary>
internal static class WebPagesServiceCollectionExtensions
{
    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        services.AddOptions<LocalesOptions>()
            .BindConfiguration(LocalesOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) =>
                options.Path = LocalesPathResolver.Resolve(options.Path, environment.ContentRootPath, AppContext.BaseDirectory))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalesOptions>, LocalesOptionsValidator>());
        services.TryAddSingleton<LanguageCatalog>();
        return services;
    }
}
