using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>
/// Runs one <c>POST /api/messages</c>: authenticate, read the activity, check it against the token, run the
/// turn, answer (docs/protocol.md §3).
/// </summary>
/// <remarks>
/// Every failure becomes a status with a ProblemDetails body that names no exception: 401 for anything about
/// the caller, 400/413 for the body, 502 when the channel refuses a reply, 500 when the bot (or this code) throws.
/// </remarks>
internal sealed class BotConnectorHandler(
    ChannelAuthenticator authenticator,
    ConnectorClient connectorClient,
    IOptions<BotConnectorOptions> options,
    TimeProvider timeProvider,
    ILogger<BotConnectorHandler> logger)
{
    private readonly int _maxBodyBytes = options.Value.MaxBodyBytes;

    public async Task<Results<JsonHttpResult<ExpectedReplies>, JsonHttpResult<JsonElement>, Ok, ProblemHttpResult>> HandleAsync(
        HttpRequest request, IBot bot, CancellationToken cancellationToken)
    {
        try
        {
            return await HandleTurnAsync(request, bot, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller hung up; nobody reads this answer.
            return Problem(StatusCodes.Status499ClientClosedRequest, "The request was aborted.");
        }
        catch (Exception ex)
        {
            // A bug here must not reach the developer exception page, which would show the stack trace.
            BotConnectorLog.EndpointFailed(logger, ex);
            return Problem(StatusCodes.Status500InternalServerError, "The activity could not be processed.");
        }
    }

    private async Task<Results<JsonHttpResult<ExpectedReplies>, JsonHttpResult<JsonElement>, Ok, ProblemHttpResult>> HandleTurnAsync(
        HttpRequest request, IBot bot, CancellationToken cancellationToken)
    {
        var authentication = await authenticator.AuthenticateAsync(
            request.Headers.Authorization.Count == 1 ? request.Headers.Authorization[0] : null,
            cancellationToken).ConfigureAwait(false);
        if (!authentication.Succeeded)
        {
            BotConnectorLog.Unauthorized(logger, authentication.FailureReason!);
            return Unauthorized(request);
        }

        ActivityReadResult read;
        try
        {
            read = await ActivityReader.ReadAsync(request.BodyReader, request.ContentLength, _maxBodyBytes, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            BotConnectorLog.BodyUnreadable(logger, ex);
            return Problem(ex.StatusCode, "The request body could not be read.");
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            BotConnectorLog.BodyUnreadable(logger, ex);
            return Problem(StatusCodes.Status400BadRequest, "The request body could not be read.");
        }

        if (read.Activity is not { } activity)
        {
            BotConnectorLog.BadRequest(logger, read.Error);
            return read.Error switch
            {
                ActivityReadError.TooLarge => Problem(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {_maxBodyBytes} bytes."),
                ActivityReadError.InvalidUtf8 => Problem(StatusCodes.Status400BadRequest, "The request body is not valid UTF-8."),
                ActivityReadError.MissingType => Problem(StatusCodes.Status400BadRequest, "The activity has no type."),
                _ => Problem(StatusCodes.Status400BadRequest, "The request body is not an activity."),
            };
        }

        if (!authentication.Identity!.MaySend(activity))
        {
            BotConnectorLog.NotAuthorizedForActivity(logger);
            return Unauthorized(request);
        }

        var turn = new BotConnectorTurnContext(activity, connectorClient, timeProvider);
        if (!turn.ExpectsReplies && !HasReplyAddress(activity))
        {
            return Problem(StatusCodes.Status400BadRequest, "The activity has no absolute serviceUrl or no conversation id to reply to.");
        }

        // Unauthenticated callers must not make the bot POST wherever they like: without an app id (local use, the
        // Emulator) replies go only to this machine, or come back in the response with expectReplies.
        if (!turn.ExpectsReplies && authentication.Identity.Kind == ChannelIdentityKind.Anonymous && !IsLoopback(activity.ServiceUrl))
        {
            BotConnectorLog.NonLocalServiceUrlRefused(logger);
            return Problem(StatusCodes.Status400BadRequest,
                "Without a configured app id, replies go only to a serviceUrl on this machine; use deliveryMode expectReplies or configure BotConnector:MicrosoftAppId.");
        }

        try
        {
            await bot.OnTurnAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            BotConnectorLog.ConnectorFailed(logger, ex.StatusCode, ex.Message, ex);
            return Problem(StatusCodes.Status502BadGateway, "A reply could not be delivered to the channel.");
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            BotConnectorLog.TurnFailed(logger, activity.Type, ex);
            return Problem(StatusCodes.Status500InternalServerError, "The bot could not process the activity.");
        }

        if (turn.ExpectsReplies)
        {
            return TypedResults.Json(new ExpectedReplies(turn.BufferedReplies), ProtocolJson.Options);
        }

        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.Ordinal))
        {
            return InvokeResult(turn.InvokeResponse);
        }

        return TypedResults.Ok();
    }

    /// <summary>The answer to an <c>invoke</c>: the status and body of the bot's <c>invokeResponse</c> (BBD: 501 without one).</summary>
    private static Results<JsonHttpResult<ExpectedReplies>, JsonHttpResult<JsonElement>, Ok, ProblemHttpResult> InvokeResult(Activity? invokeResponse)
    {
        if (invokeResponse is null)
        {
            return Problem(StatusCodes.Status501NotImplemented, "The bot did not answer the invoke.");
        }

        var status = StatusCodes.Status200OK;
        JsonElement? body = null;
        if (invokeResponse.Value is { ValueKind: JsonValueKind.Object } value)
        {
            if (value.TryGetProperty("status", out var statusElement) && statusElement.TryGetInt32(out var parsed)
                && parsed is >= 200 and <= 599)
            {
                status = parsed;
            }

            if (value.TryGetProperty("body", out var bodyElement) && bodyElement.ValueKind != JsonValueKind.Null)
            {
                body = bodyElement;
            }
        }

        return body is { } json
            ? TypedResults.Json(json, ProtocolJson.Options, statusCode: status)
            : status == StatusCodes.Status200OK ? TypedResults.Ok() : Problem(status, "The bot answered the invoke with an error.");
    }

    private static bool IsLoopback(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.Host, out var address) && System.Net.IPAddress.IsLoopback(address)));

    private static bool HasReplyAddress(Activity activity) =>
        Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
        && (serviceUrl.Scheme == Uri.UriSchemeHttps || serviceUrl.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(activity.Conversation?.Id);

    private static ProblemHttpResult Unauthorized(HttpRequest request)
    {
        request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return Problem(StatusCodes.Status401Unauthorized, "The request is not authorized.");
    }

    private static ProblemHttpResult Problem(int statusCode, string title) =>
        TypedResults.Problem(title: title, statusCode: statusCode);
}
