using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SupportBot.Bot.Security.LookupLimits;

public static class LookupLimitsServiceCollectionExtensions
{
    /// <summary>The identifier-lookup rate limit (security.md D3); its options are checked at start-up.</summary>
    public static IServiceCollection AddLookupRateLimit(this IServiceCollection services)
    {
        services.AddOptions<LookupRateLimitOptions>().BindConfiguration(LookupRateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.TryAddSingleton<LookupRateLimiter>();
        return services;
    }
}
