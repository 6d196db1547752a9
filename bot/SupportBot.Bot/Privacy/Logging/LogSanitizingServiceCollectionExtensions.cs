using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Privacy.Logging;

public static class LogSanitizingServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the logger factory with one that sanitises every log entry (security.md F3). Providers are still
    /// taken from the container when it is built, so providers added later (tests, exporters) are covered too.
    /// </summary>
    public static IServiceCollection AddLogSanitizing(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new SanitizingLoggerFactory(new LoggerFactory(
            provider.GetServices<ILoggerProvider>(),
            provider.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            provider.GetService<IOptions<LoggerFactoryOptions>>(),
            provider.GetService<IExternalScopeProvider>()))));
        return services;
    }
}
