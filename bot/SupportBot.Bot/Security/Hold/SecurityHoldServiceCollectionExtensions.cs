using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SupportBot.Bot.Security.Hold;

public static class SecurityHoldServiceCollectionExtensions
{
    /// <summary>Security holds on suspected hijacks (B11); options checked at start-up.</summary>
    public static IServiceCollection AddSecurityHolds(this IServiceCollection services)
    {
        services.AddOptions<SecurityHoldOptions>().BindConfiguration(SecurityHoldOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(provider => new SecurityHolds(
            provider.GetRequiredService<Storage.Sqlite.SqliteDatabase>(),
            provider.GetRequiredService<Accounts.IAccountDirectory>(),
            provider.GetRequiredService<Storage.IAuditLog>(),
            provider.GetRequiredService<Conversation.ReplyRenderer>(),
            provider.GetRequiredService<Countries.CountryDateFormatter>(),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityHoldOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<Agents.UserChannel>()));
        return services;
    }
}
