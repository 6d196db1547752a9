using System.Net;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>The channel or the token endpoint refused a call the connector made on the bot's behalf.</summary>
/// <remarks>The message carries the operation and status only, never a response body or a token.</remarks>
internal sealed class ConnectorException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
