using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>Maps <c>POST /api/messages</c>, the endpoint Azure Bot Service channels and the Emulator call.</summary>
internal static class BotConnectorEndpointRouteBuilderExtensions
{
    /// <summary>Maps the endpoint; other methods on the route get 405 from routing.</summary>
    public static RouteHandlerBuilder MapBotConnector(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<BotConnectorOptions>>().Value.IsAuthenticationEnabled)
        {
            var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotConnectorHandler));
            BotConnectorLog.AuthenticationDisabled(logger);
        }

        return endpoints.MapPost(
            BotConnectorConstants.Route,
            static (HttpRequest request, [FromServices] IBot bot, [FromServices] BotConnectorHandler handler, CancellationToken cancellationToken)
                => handler.HandleAsync(request, bot, cancellationToken))
            .WithName("BotConnectorMessages");
    }
}
