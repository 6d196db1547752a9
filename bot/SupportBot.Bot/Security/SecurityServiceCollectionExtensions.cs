using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Bot.Delivery;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Security.Notifications;
using SupportBot.Bot.Security.Repudiation;
using SupportBot.Dialogs.Redaction;

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
        services.TryAddSingleton<Audit.VerificationStepAuditor>();
        services.AddSingleton<IMessageSender, EscalationNoticeSender>();
        services.AddSingleton<IMessageSender, OwnerNoticeSender>();
        return services;
    }

    /// <summary>
    /// The redactor every channel uses, with every language's keywords (<c>locales/&lt;lang&gt;/redaction.json</c>)
    /// and the shared ID and token shapes (<c>locales/_meta/redaction-patterns.json</c>); a broken file stops start-up.
    /// </summary>
    public static IServiceCollection AddSecretRedaction(this IServiceCollection services)
    {
        services.TryAddSingleton(static provider =>
        {
            var locales = provider.GetRequiredService<LocaleFolder>();
            var patterns = Path.Combine(locales.Root, "_meta", "redaction-patterns.json");
            return new Redactor(RedactionLexicon.Parse(
                locales.ReadEach("redaction.json").Select(file => (file.Json, file.SourceName)),
                File.Exists(patterns) ? File.ReadAllText(patterns) : null));
        });
        return services;
    }
}
