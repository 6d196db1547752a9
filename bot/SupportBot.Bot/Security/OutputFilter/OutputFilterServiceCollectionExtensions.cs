using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Bot.Localization;

namespace SupportBot.Bot.Security.OutputFilter;

public static class OutputFilterServiceCollectionExtensions
{
    /// <summary>The output filter every reply and agent message passes (security.md A5); its data is read at start-up.</summary>
    public static IServiceCollection AddOutputFilter(this IServiceCollection services)
    {
        services.TryAddSingleton(static provider => OutputFilterLexicon.Load(provider.GetRequiredService<LocaleFolder>()));
        services.TryAddSingleton<OutgoingReplyGuard>();
        return services;
    }
}
