using Microsoft.AspNetCore.Http.HttpResults;

namespace SupportBot.Bot.Delivery;

/// <summary><c>GET /dev/outbox</c>: the demo sink's delivered messages, so a tester can read the code that was "sent".</summary>
public static class DevOutboxEndpoints
{
    /// <summary>Maps the endpoint only when the demo sink is registered (demo directory on, not Production).</summary>
    public static IEndpointRouteBuilder MapDevOutbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<DevOutboxSender>() is null)
        {
            return endpoints;
        }

        endpoints.MapGet("/dev/outbox", Ok<IReadOnlyList<DeliveredMessage>> (DevOutboxSender sink) => TypedResults.Ok(sink.Delivered()))
            .ExcludeFromDescription();
        return endpoints;
    }
}
