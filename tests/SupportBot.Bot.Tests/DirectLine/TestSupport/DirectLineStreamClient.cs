using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Xunit;

namespace SupportBot.Bot.Tests.DirectLine.TestSupport;

/// <summary>A Direct Line stream opened through the TestServer, read frame by frame.</summary>
internal sealed class DirectLineStreamClient(WebSocket socket) : IDisposable
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(10);

    public WebSocket Socket => socket;

    /// <summary>Every ActivitySet frame received so far, in order.</summary>
    public List<JsonElement> Frames { get; } = [];

    public int KeepAlives { get; private set; }

    public static async Task<DirectLineStreamClient> ConnectAsync(TestServer server, string streamUrl)
    {
        var socket = await server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), TestContext.Current.CancellationToken);
        return new DirectLineStreamClient(socket);
    }

    /// <summary>The next frame's text ("" for a keepalive), or null once the server closed.</summary>
    public async Task<string?> ReceiveTextAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(ReceiveTimeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    /// <summary>Reads frames, skipping keepalives, until an activity matches; fails on close or timeout.</summary>
    public async Task<JsonElement> WaitForActivityAsync(Func<JsonElement, bool> match)
    {
        foreach (var seen in Frames.SelectMany(frame => Activities(frame)))
        {
            if (match(seen))
            {
                return seen;
            }
        }

        while (true)
        {
            var frame = await NextFrameAsync() ?? throw new InvalidOperationException("The stream closed before the activity came.");
            foreach (var activity in Activities(frame))
            {
                if (match(activity))
                {
                    return activity;
                }
            }
        }
    }

    /// <summary>The next ActivitySet frame (keepalives counted and skipped), or null once the server closed.</summary>
    public async Task<JsonElement?> NextFrameAsync()
    {
        while (true)
        {
            var text = await ReceiveTextAsync();
            if (text is null)
            {
                return null;
            }

            if (text.Length == 0)
            {
                KeepAlives++;
                continue;
            }

            using var document = JsonDocument.Parse(text);
            var frame = document.RootElement.Clone();
            Frames.Add(frame);
            return frame;
        }
    }

    public static IEnumerable<JsonElement> Activities(JsonElement? frame) =>
        frame?.GetProperty("activities").EnumerateArray() ?? Enumerable.Empty<JsonElement>();

    public void Dispose() => socket.Dispose();
}
