namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>Maps the Direct Line 3.0 endpoints.</summary>
public static class DirectLineEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>/v3/directline/…</c> (tokens, conversations, activities, upload, stream) with the Direct Line CORS
    /// policy, and the page's token exchange <c>POST /api/directline/token</c> with its rate limit.
    /// </summary>
    /// <remarks>Needs <c>UseWebSockets</c>, <c>UseCors</c> and <c>UseRateLimiter</c> in the pipeline.</remarks>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var directLine = endpoints.MapGroup(DirectLineConstants.RoutePrefix)
            .RequireCors(DirectLineConstants.CorsPolicyName)
            .AddEndpointFilter<DirectLineStorageFailureFilter>();

        directLine.MapPost("/tokens/generate", DirectLineTokenEndpoints.GenerateAsync);
        directLine.MapPost("/tokens/refresh", DirectLineTokenEndpoints.RefreshAsync);
        directLine.MapPost("/conversations", DirectLineConversationEndpoints.StartAsync);
        directLine.MapGet("/conversations/{conversationId}", DirectLineConversationEndpoints.ReconnectAsync);
        directLine.MapPost("/conversations/{conversationId}/activities", DirectLineConversationEndpoints.PostActivityAsync);
        directLine.MapGet("/conversations/{conversationId}/activities", DirectLineConversationEndpoints.GetActivitiesAsync);
        directLine.MapPost("/conversations/{conversationId}/upload", DirectLineConversationEndpoints.UploadAsync);
        directLine.MapGet("/conversations/{conversationId}/stream", DirectLineStreamEndpoint.StreamAsync);

        endpoints.MapPost(DirectLineConstants.TokenExchangeRoute, DirectLineTokenEndpoints.ExchangeAsync)
            .RequireRateLimiting(DirectLineConstants.TokenExchangeRateLimiterPolicyName);
        return endpoints;
    }
}
