using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>Registers the Bot Connector endpoint's services.</summary>
internal static class BotConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <c>MapBotConnector</c> needs: <see cref="BotConnectorOptions"/> from the <c>BotConnector</c>
    /// section (validated at start-up), token validation, and the connector client with its named HttpClients.
    /// </summary>
    /// <remarks>The host registers the <c>IBot</c>; a <see cref="TimeProvider"/> is added only if none is.</remarks>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotConnectorOptions>()
            .Bind(configuration.GetSection(BotConnectorConstants.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(BotConnectorConstants.ConnectorHttpClientName)
            .ConfigureHttpClient(client => client.Timeout = BotConnectorConstants.ConnectorTimeout);
        services.AddHttpClient(BotConnectorConstants.MetadataHttpClientName);

        services.TryAddSingleton<ChannelAuthenticator>();
        services.TryAddSingleton<ConnectorTokenProvider>();
        services.TryAddSingleton<ConnectorClient>();
        services.TryAddSingleton<BotConnectorHandler>();
        return services;
    }
}
