using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace SupportBot.Dialogs.Localization;

/// <summary>Registers the JSON/ICU localisation engine with a service collection.</summary>
/// <remarks>
/// Lives with the engine because it needs nothing from ASP.NET, only the DI abstractions. The factory is registered as
/// the <see cref="IStringLocalizerFactory"/> with <c>AddSingleton</c>, not <c>TryAdd</c>, so it wins over the resx factory
/// even if <c>AddLocalization()</c> ran first.
/// </remarks>
internal static class LocalizationServiceCollectionExtensions
{
    /// <summary>Adds the engine over the <c>locales/</c> folder at <paramref name="localesRoot"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IServiceCollection AddJsonLocalization(this IServiceCollection services, string localesRoot)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddJsonLocalization(new DirectoryLocaleSource(localesRoot));
    }

    /// <summary>Adds the engine over <paramref name="source"/>.</summary>
    /// <remarks>
    /// Registers <see cref="ILocaleSource"/>, <see cref="JsonStringLocalizerFactory"/> (singleton, also as
    /// <see cref="IStringLocalizerFactory"/>), <see cref="IStringLocalizer{T}"/> and <see cref="IMessageRenderer"/>.
    /// The catalogs load when the factory is first resolved; resolve it at startup to fail fast on bad data.
    /// </remarks>
    public static IServiceCollection AddJsonLocalization(this IServiceCollection services, ILocaleSource source)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(source);
        services.AddSingleton(source);
        services.AddSingleton(sp => new JsonStringLocalizerFactory(
            sp.GetRequiredService<ILocaleSource>(),
            sp.GetService<ILogger<JsonStringLocalizerFactory>>()));
        services.AddSingleton<IStringLocalizerFactory>(sp => sp.GetRequiredService<JsonStringLocalizerFactory>());
        services.TryAdd(ServiceDescriptor.Transient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>)));
        services.AddSingleton<IMessageRenderer>(sp => new MessageRenderer(sp.GetRequiredService<JsonStringLocalizerFactory>()));
        return services;
    }
}
