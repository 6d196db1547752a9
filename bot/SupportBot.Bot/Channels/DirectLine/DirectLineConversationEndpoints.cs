using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>Start, reconnect, send, poll and upload (docs/protocol.md §1).</summary>
internal static class DirectLineConversationEndpoints
{
    /// <summary>
    /// <c>POST /conversations</c>: 201 with a new conversation, or 200 when the token's conversation was started already.
    /// </summary>
    public static async Task<Results<Created<DirectLineConversationResponse>, Ok<DirectLineConversationResponse>, ProblemHttpResult>> StartAsync(
        HttpRequest request,
        DirectLineAuthenticator authenticator,
        DirectLineConversations conversations,
        DirectLineTokenService tokens,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var authentication = await authenticator.AuthenticateAsync(request);
        if (authentication.IsFailed)
        {
            return authentication.Problem;
        }

        var body = await DirectLineRequestBody.ReadAsync<DirectLineStartRequest>(
            request, options.Value.MaxMessageBytes, required: false, cancellationToken);
        if (body.IsRejected)
        {
            return body.Problem;
        }

        var locale = DirectLineRequests.NormalizeLocale(body.Value?.Locale);
        string conversationId, userId;
        DirectLineIssuedToken token;
        if (authentication.Caller is DirectLineCaller.Token caller)
        {
            // The token fixes the conversation and the user; the body cannot change either.
            (conversationId, userId, token) = (caller.Claims.ConversationId, caller.Claims.UserId, tokens.Current(caller));
            locale ??= caller.Claims.Locale;
        }
        else
        {
            conversationId = DirectLineIds.NewConversationId();
            userId = body.Value?.User?.Id ?? DirectLineIds.NewUserId();
            if (!DirectLineRequests.IsValidUserId(userId))
            {
                return DirectLineProblems.BadArgument($"user.id must be non-blank and at most {DirectLineConstants.MaxIdLength} characters.");
            }

            token = tokens.Issue(conversationId, userId, locale, DirectLineAdmission.Issuer);
        }

        var user = new ChannelAccount { Id = userId, Name = body.Value?.User?.Name, Role = "user" };
        var created = await conversations.StartAsync(conversationId, user, locale, cancellationToken);
        var response = new DirectLineConversationResponse(
            conversationId, token.Token, token.ExpiresIn, DirectLineRequests.StreamUrl(request, conversationId, token.Token, watermark: null));
        DirectLineRequests.NoStore(request.HttpContext.Response);
        return created
            ? TypedResults.Created($"{request.PathBase}{DirectLineConstants.RoutePrefix}/conversations/{Uri.EscapeDataString(conversationId)}", response)
            : TypedResults.Ok(response);
    }

    /// <summary><c>GET /conversations/{id}?watermark=</c>: a fresh stream URL that replays after the watermark.</summary>
    public static async Task<Results<Ok<DirectLineConversationResponse>, ProblemHttpResult>> ReconnectAsync(
        HttpRequest request,
        string conversationId,
        string? watermark,
        DirectLineAuthenticator authenticator,
        DirectLineTokenService tokens,
        CancellationToken cancellationToken)
    {
        var access = await authenticator.AuthorizeAsync(request, conversationId, cancellationToken);
        if (access.IsDenied)
        {
            return access.Problem;
        }

        if (!DirectLineIds.TryParseWatermark(watermark, out var after))
        {
            return DirectLineProblems.BadWatermark();
        }

        var conversation = access.Conversation;
        var token = access.Caller is DirectLineCaller.Token caller
            ? tokens.Current(caller)
            : tokens.Issue(conversation.ConversationId, conversation.UserId, locale: null, DirectLineAdmission.Issuer);
        DirectLineRequests.NoStore(request.HttpContext.Response);
        return TypedResults.Ok(new DirectLineConversationResponse(
            conversation.ConversationId, token.Token, token.ExpiresIn,
            DirectLineRequests.StreamUrl(request, conversation.ConversationId, token.Token, string.IsNullOrEmpty(watermark) ? null : after)));
    }

    /// <summary>
    /// <c>POST /conversations/{id}/activities</c>: 200 <c>{id}</c> once the bot's turn is done; 502 if the bot failed.
    /// </summary>
    public static async Task<Results<JsonHttpResult<ResourceResponse>, ProblemHttpResult>> PostActivityAsync(
        HttpRequest request,
        string conversationId,
        DirectLineAuthenticator authenticator,
        DirectLineConversations conversations,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var access = await authenticator.AuthorizeAsync(request, conversationId, cancellationToken);
        if (access.IsDenied)
        {
            return access.Problem;
        }

        var body = await DirectLineRequestBody.ReadAsync<Activity>(request, options.Value.MaxMessageBytes, required: true, cancellationToken);
        if (body.IsRejected)
        {
            return body.Problem;
        }

        var activity = body.Value!;
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return DirectLineProblems.MissingProperty("type");
        }

        if (DirectLineConversations.IsType(activity.Type, ActivityTypes.ConversationUpdate))
        {
            return DirectLineProblems.BadArgument("conversationUpdate activities come from the channel, not from clients.");
        }

        var conversation = access.Conversation;

        // A token speaks for its user only; the secret may post as anyone, by default as the conversation's user.
        var fromId = access.Caller is DirectLineCaller.Token token
            ? token.Claims.UserId
            : string.IsNullOrEmpty(activity.From?.Id) ? conversation.UserId : activity.From.Id;
        if (!DirectLineRequests.IsValidUserId(fromId))
        {
            return DirectLineProblems.BadArgument($"from.id must be non-blank and at most {DirectLineConstants.MaxIdLength} characters.");
        }

        var receipt = await conversations.ReceiveAsync(conversation, activity, fromId, cancellationToken);
        return receipt.Outcome switch
        {
            DirectLineTurnOutcome.Completed => TypedResults.Json(new ResourceResponse(receipt.ActivityId), DirectLineJson.Options),
            DirectLineTurnOutcome.BotTimedOut => DirectLineProblems.Create(StatusCodes.Status502BadGateway,
                DirectLineErrorCodes.BotTimeout, "The bot did not answer in time."),
            DirectLineTurnOutcome.BotNotAvailable => DirectLineProblems.Create(StatusCodes.Status502BadGateway,
                DirectLineErrorCodes.BotNotAvailable, "The bot is not available."),
            _ => DirectLineProblems.Create(StatusCodes.Status502BadGateway,
                DirectLineErrorCodes.BotRejectedActivity, "The bot failed to process the activity."),
        };
    }

    /// <summary><c>GET /conversations/{id}/activities?watermark=</c>: one page after the watermark.</summary>
    public static async Task<Results<JsonHttpResult<DirectLineActivitySet>, ProblemHttpResult>> GetActivitiesAsync(
        HttpRequest request,
        string conversationId,
        string? watermark,
        DirectLineAuthenticator authenticator,
        DirectLineConversations conversations,
        CancellationToken cancellationToken)
    {
        var access = await authenticator.AuthorizeAsync(request, conversationId, cancellationToken);
        if (access.IsDenied)
        {
            return access.Problem;
        }

        if (!DirectLineIds.TryParseWatermark(watermark, out var after))
        {
            return DirectLineProblems.BadWatermark();
        }

        var activities = await conversations.ReadAsync(conversationId, after, cancellationToken);
        return TypedResults.Json(activities, DirectLineJson.Options);
    }

    /// <summary>
    /// <c>POST /conversations/{id}/upload</c>: refused with 415 until attachments are supported; the body is not read.
    /// </summary>
    public static async Task<ProblemHttpResult> UploadAsync(
        HttpRequest request, string conversationId, DirectLineAuthenticator authenticator, CancellationToken cancellationToken)
    {
        var access = await authenticator.AuthorizeAsync(request, conversationId, cancellationToken);
        return access.IsDenied
            ? access.Problem
            : DirectLineProblems.Create(StatusCodes.Status415UnsupportedMediaType, DirectLineErrorCodes.AttachmentsNotSupported,
                "This bot does not accept file uploads yet; send text instead.");
    }
}
