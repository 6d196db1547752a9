using System.Net;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>The endpoint's log messages, generated so that disabled levels cost nothing on the hot path.</summary>
internal static partial class BotConnectorLog
{
    [LoggerMessage(1, LogLevel.Information, "Rejected an activity: {Reason}.")]
    public static partial void Unauthorized(ILogger logger, string reason);

    [LoggerMessage(2, LogLevel.Information, "Rejected an activity from a caller whose token does not cover its channelId or serviceUrl.")]
    public static partial void NotAuthorizedForActivity(ILogger logger);

    [LoggerMessage(3, LogLevel.Debug, "Rejected a request body: {Error}.")]
    public static partial void BadRequest(ILogger logger, ActivityReadError error);

    [LoggerMessage(4, LogLevel.Warning, "The channel connector failed with status {StatusCode}: {Message}")]
    public static partial void ConnectorFailed(ILogger logger, HttpStatusCode? statusCode, string message, Exception exception);

    [LoggerMessage(5, LogLevel.Error, "The bot failed on a {ActivityType} activity.")]
    public static partial void TurnFailed(ILogger logger, string? activityType, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Could not read the request body.")]
    public static partial void BodyUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "BotConnector has no MicrosoftAppId: /api/messages accepts unauthenticated calls and replies only in the response (expectReplies) or to a serviceUrl on this machine. Use this only locally.")]
    public static partial void AuthenticationDisabled(ILogger logger);

    [LoggerMessage(8, LogLevel.Error, "The Bot Connector endpoint failed.")]
    public static partial void EndpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(9, LogLevel.Warning, "Refused an unauthenticated activity whose serviceUrl is not on this machine.")]
    public static partial void NonLocalServiceUrlRefused(ILogger logger);
}
