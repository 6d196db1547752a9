using System.Net.WebSockets;
using System.Threading.Channels;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// One client's WebSocket: a queue of ActivitySet frames sent in order by a single writer, an empty keepalive frame
/// whenever the socket has been idle for the keepalive interval, and a reader that ignores whatever the client sends
/// (DirectLineJS pings with empty frames) until it closes.
/// </summary>
internal sealed class DirectLineStreamConnection(WebSocket socket, TimeSpan keepAliveInterval, TimeProvider timeProvider)
{
    private readonly Channel<byte[]> _outbox = Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(DirectLineConstants.StreamOutboxCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Lock _closeGate = new();
    private WebSocketCloseStatus _closeStatus = WebSocketCloseStatus.NormalClosure;
    private string? _closeDescription;
    private bool _closing;

    /// <summary>Queues a frame; a client so far behind that the queue is full is disconnected and will replay.</summary>
    public EnqueueResult Enqueue(byte[] frame)
    {
        if (_outbox.Writer.TryWrite(frame))
        {
            return EnqueueResult.Queued;
        }

        lock (_closeGate)
        {
            if (_closing)
            {
                return EnqueueResult.Closed;
            }
        }

        Close(WebSocketCloseStatus.PolicyViolation, "too slow");
        socket.Abort();
        return EnqueueResult.TooSlow;
    }

    /// <summary>Sends what is queued, then a close frame with this status. The first call wins.</summary>
    public void Close(WebSocketCloseStatus status, string description)
    {
        lock (_closeGate)
        {
            if (_closing)
            {
                return;
            }

            _closing = true;
            _closeStatus = status;
            _closeDescription = description;
        }

        _outbox.Writer.TryComplete();
    }

    /// <summary>
    /// Runs until the socket closes, either side closes it, or <paramref name="cancellationToken"/> fires.
    /// A client that vanishes is an expected end, not an error, so nothing here throws.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var receiving = ReceiveAsync(cancellationToken);
        try
        {
            await SendAsync(cancellationToken);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                WebSocketCloseStatus status;
                string? description;
                lock (_closeGate)
                {
                    (status, description) = (_closeStatus, _closeDescription);
                }

                await socket.CloseOutputAsync(status, description, cancellationToken);
            }

            await receiving.WaitAsync(DirectLineConstants.StreamCloseTimeout, timeProvider, cancellationToken);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or TimeoutException)
        {
            // The client went away or never answered our close frame.
        }
        finally
        {
            if (socket.State is not WebSocketState.Closed)
            {
                socket.Abort();
            }

            // Never throws (see ReceiveAsync); awaited so that nothing outlives the request.
            await receiving;
        }
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        var reader = _outbox.Reader;
        while (true)
        {
            bool more;
            using (var idle = new CancellationTokenSource(keepAliveInterval, timeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token))
            {
                try
                {
                    more = await reader.WaitToReadAsync(linked.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                    continue;
                }
            }

            if (!more)
            {
                return;
            }

            while (reader.TryRead(out var frame))
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Close(WebSocketCloseStatus.NormalClosure, "");
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // The client vanished: stop sending too.
            Close(WebSocketCloseStatus.EndpointUnavailable, "");
        }
    }

    /// <summary>What became of a frame handed to <see cref="Enqueue"/>.</summary>
    public enum EnqueueResult
    {
        Queued,
        Closed,
        TooSlow,
    }
}
