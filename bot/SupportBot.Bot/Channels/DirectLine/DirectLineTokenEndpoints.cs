using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// <c>tokens/generate</c> and <c>tokens/refresh</c> (DL-authentication), and the page's token exchange, which holds
/// the secret on the server and hands the browser a token for a fresh <c>dl_</c> user.
/// </summary>
internal static class DirectLineTokenEndpoints
{
    public static async Task<Results<Ok<DirectLineTokenResponse>, ProblemHttpResult>> GenerateAsync(
        HttpRequest request,
        DirectLineAuthenticator authenticator,
        DirectLineTokenService tokens,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var authentication = await authenticator.AuthenticateAsync(request);
        if (authentication.IsFailed)
        {
            return authentication.Problem;
        }

        if (authentication.Caller is not DirectLineCaller.Secret)
        {
            return DirectLineProblems.Forbidden("tokens/generate takes the secret, not a token.");
        }

        var body = await DirectLineRequestBody.ReadAsync<DirectLineTokenGenerateRequest>(
            request, options.Value.MaxMessageBytes, required: false, cancellationToken);
        if (body.IsRejected)
        {
            return body.Problem;
        }

        var userId = body.Value?.User?.Id;
        if (userId is null)
        {
            userId = DirectLineIds.NewUserId();
        }
        else if (!DirectLineRequests.IsValidUserId(userId) || !userId.StartsWith(DirectLineConstants.UserIdPrefix, StringComparison.Ordinal))
        {
            return DirectLineProblems.BadArgument(
                $"user.id must start with '{DirectLineConstants.UserIdPrefix}' and be at most {DirectLineConstants.MaxIdLength} characters.");
        }

        var conversationId = DirectLineIds.NewConversationId();
        var token = tokens.Issue(conversationId, userId, locale: null, DirectLineAdmission.Issuer);
        DirectLineRequests.NoStore(request.HttpContext.Response);
        return TypedResults.Ok(new DirectLineTokenResponse(conversationId, token.Token, token.ExpiresIn));
    }

    public static async Task<Results<Ok<DirectLineTokenResponse>, ProblemHttpResult>> RefreshAsync(
        HttpRequest request, DirectLineAuthenticator authenticator, DirectLineTokenService tokens)
    {
        var authentication = await authenticator.AuthenticateAsync(request);
        if (authentication.IsFailed)
        {
            return authentication.Problem;
        }

        if (authentication.Caller is not DirectLineCaller.Token caller)
        {
            return DirectLineProblems.BadArgument("tokens/refresh takes a token, not the secret.");
        }

        var claims = caller.Claims;
        var token = tokens.Issue(claims.ConversationId, claims.UserId, claims.Locale, claims.Admission);
        DirectLineRequests.NoStore(request.HttpContext.Response);
        return TypedResults.Ok(new DirectLineTokenResponse(claims.ConversationId, token.Token, token.ExpiresIn));
    }

    /// <summary><c>POST /api/directline/token</c>: rate-limited per client IP, no credential needed.</summary>
    public static async Task<Results<Ok<DirectLineTokenExchangeResponse>, ProblemHttpResult>> ExchangeAsync(
        HttpRequest request, DirectLineTokenService tokens, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var body = await DirectLineRequestBody.ReadAsync<DirectLineTokenExchangeRequest>(
            request, options.Value.MaxMessageBytes, required: false, cancellationToken);
        if (body.IsRejected)
        {
            return body.Problem;
        }

        // The bot challenge (Security/BotChallenge), when the host has one: a token only for a solved challenge.
        var admission = await DirectLineTokenExchangeChallenge.CheckAsync(request.HttpContext, body.Value?.Altcha, cancellationToken);
        if (admission.IsRefused)
        {
            return admission.Problem;
        }

        var locale = DirectLineRequests.NormalizeLocale(body.Value?.Locale);
        var userId = DirectLineIds.NewUserId();
        var conversationId = DirectLineIds.NewConversationId();
        var token = tokens.Issue(conversationId, userId, locale, admission.Claim);
        DirectLineRequests.NoStore(request.HttpContext.Response);
        return TypedResults.Ok(new DirectLineTokenExchangeResponse(token.Token, conversationId, userId, token.ExpiresIn));
    }
}
