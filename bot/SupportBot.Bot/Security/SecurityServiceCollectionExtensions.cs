using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Bot.Delivery;
using SupportBot.Bot.Security.Notifications;
using SupportBot.Bot.Security.Repudiation;

namespace SupportBot.Bot.Security;

/// <summary>Security notices (after an escalation, and the owner notices verification asks for) and "this wasn't me".</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>Registers the notice senders; call before the demo sink so they, not the sink, take their channels.</summary>
    public static IServiceCollection AddSecurityNotices(this IServiceCollection services)
    {
        services.AddOptions<SecurityNoticeOptions>().BindConfiguration("Security").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IRepudiationStore, SqliteRepudiationStore>();
        services.TryAddSingleton<RepudiationService>();
        services.TryAddSingleton<ContactNotifier>();
        services.TryAddSingleton<EscalationNoticeRequester>();
        services.AddSingleton<IMessageSender, EscalationNoticeSender>();
        services.AddSingleton<IMessageSender, OwnerNoticeSender>();
        return services;
    }
}
