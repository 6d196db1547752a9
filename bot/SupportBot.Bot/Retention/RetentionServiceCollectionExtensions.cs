using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SupportBot.Bot.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>Retention (security.md G3): options checked at start-up, the service, and its daily worker.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<SqliteRetentionStore>();
        services.TryAddSingleton(provider => new RetentionService(
            provider.GetServices<IRetentionPreparer>(),
            provider.GetRequiredService<SqliteRetentionStore>(),
            provider.GetRequiredService<Storage.IAuditLog>(),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<RetentionOptions>>(),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Verification.VerificationOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<RetentionService>>()));
        services.AddHostedService<RetentionWorker>();
        return services;
    }
}
