using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.HttpResults;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// <c>GET /conversations/{id}/stream?t=&lt;token&gt;&amp;watermark=</c>: the WebSocket that carries ActivitySet frames
/// (DL-receive-activities). Everything that can be refused is refused with HTTP before the upgrade.
/// </summary>
internal static class DirectLineStreamEndpoint
{
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamAsync(
        HttpContext context,
        string conversationId,
        string? watermark,
        DirectLineAuthenticator authenticator,
        DirectLineConversations conversations,
        IHostApplicationLifetime lifetime,
        ILogger<DirectLineConversations> logger)
    {
        var access = await authenticator.AuthorizeAsync(context.Request, conversationId, context.RequestAborted, allowQueryToken: true);
        if (access.IsDenied)
        {
            return access.Problem;
        }

        if (!DirectLineIds.TryParseWatermark(watermark, out var after))
        {
            return DirectLineProblems.BadArgument("The watermark is not one this server gave out.");
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineProblems.BadArgument("The stream is a WebSocket: send an upgrade request.");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await conversations.StreamAsync(access.Conversation, socket, after, stop.Token);
        }
        catch (StorageException exception)
        {
            // Past the upgrade there is no status code left to send: say it in the close frame.
            DirectLineLog.StorageFailed(logger, exception, exception.Reason.ToString(), context.Request.Path);
            await CloseQuietlyAsync(socket, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client left, or the host is stopping, before the replay was done.
        }

        return TypedResults.Empty;
    }

    private static async Task CloseQuietlyAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.InternalServerError, "store unavailable", cancellationToken);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            socket.Abort();
        }
    }
}
