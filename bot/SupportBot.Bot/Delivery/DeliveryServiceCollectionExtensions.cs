using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Delivery.Sms;
using SupportBot.Bot.Delivery.Smtp;

namespace SupportBot.Bot.Delivery;

/// <summary>
/// Registers the real senders that are configured (SMTP for email, the HTTP gateway for SMS) and the retry policy.
/// Called before the demo sink is added, so a configured sender takes its channel from the sink.
/// </summary>
public static class DeliveryServiceCollectionExtensions
{
    public static IServiceCollection AddConfiguredSenders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeliveryOptions>().BindConfiguration("Delivery").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<DeliveryResilience>();

        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (!string.IsNullOrWhiteSpace(configuration[SmtpOptions.Section + ":Host"]))
        {
            services.AddSingleton<IMessageSender, SmtpEmailSender>();
        }

        services.AddOptions<SmsGatewayOptions>().BindConfiguration(SmsGatewayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (!string.IsNullOrWhiteSpace(configuration[SmsGatewayOptions.Section + ":Url"]))
        {
            services.AddHttpClient(HttpSmsSender.HttpClientName);
            services.AddSingleton<IMessageSender>(provider => new HttpSmsSender(
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpSmsSender.HttpClientName),
                provider.GetRequiredService<IOptions<SmsGatewayOptions>>()));
        }

        return services;
    }
}
