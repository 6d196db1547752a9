using Microsoft.AspNetCore.Http.HttpResults;

namespace SupportBot.Bot.Security.BotChallenge;

/// <summary><c>GET /api/challenge</c>: a fresh proof-of-work challenge for the page (security.md D3).</summary>
public static class BotChallengeEndpoints
{
    public const string Route = "/api/challenge";

    public static IEndpointRouteBuilder MapBotChallenge(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, Issue).WithTags("Bot challenge");
        return endpoints;
    }

    private static Ok<ProofOfWorkChallenge> Issue(HttpContext context, BotChallengeService challenges)
    {
        // Each challenge is single use: no cache may hand the same one to two clients.
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(challenges.Issue(context.Connection.RemoteIpAddress?.ToString()));
    }
}
