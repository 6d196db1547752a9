using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Channels.DirectLine;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Tests.DirectLine.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.DirectLine;

public sealed class DirectLineStreamTests : IAsyncLifetime
{
    private readonly DirectLineApplication _app = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task FirstOpen_ReplaysEverythingThenEchoesWithClientActivityIdAndPushesTheReply()
    {
        var session = await DirectLineSession.StartAsync(_client);
        using var stream = await DirectLineStreamClient.ConnectAsync(_app.Server, session.StreamUrl);

        var replayed = await stream.NextFrameAsync();
        var greeting = Assert.Single(DirectLineStreamClient.Activities(replayed));
        Assert.Equal(ScriptedTestBot.Greeting, greeting.GetProperty("text").GetString());
        Assert.Equal("1", replayed!.Value.GetProperty("watermark").GetString());

        var posted = await (await session.PostMessageAsync(_client, "locked out", clientActivityId: "web-42")).ExpectAsync(HttpStatusCode.OK);
        var id = posted.GetProperty("id").GetString();

        var echo = await stream.WaitForActivityAsync(activity =>
            activity.TryGetProperty("channelData", out var data) && data.GetProperty("clientActivityID").GetString() == "web-42");
        var reply = await stream.WaitForActivityAsync(activity => activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == id);

        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(ScriptedTestBot.ReplyTo("locked out"), reply.GetProperty("text").GetString());
        Assert.Equal("3", stream.Frames[^1].GetProperty("watermark").GetString());
        Assert.DoesNotContain(stream.Frames.SelectMany(frame => DirectLineStreamClient.Activities(frame)),
            activity => activity.GetProperty("type").GetString() == ActivityTypes.ConversationUpdate);
    }

    [Fact]
    public async Task Reconnect_ReplaysOnlyWhatCameAfterTheWatermark()
    {
        var session = await DirectLineSession.StartAsync(_client);
        await (await session.PostMessageAsync(_client, "one")).ExpectAsync(HttpStatusCode.OK);
        await (await session.PostMessageAsync(_client, "two")).ExpectAsync(HttpStatusCode.OK);

        var reconnect = await (await _client.GetAsync($"/v3/directline/conversations/{session.ConversationId}?watermark=3", session.Token))
            .ExpectAsync(HttpStatusCode.OK);
        using var stream = await DirectLineStreamClient.ConnectAsync(_app.Server, reconnect.GetProperty("streamUrl").GetString()!);
        var frame = await stream.NextFrameAsync();

        Assert.Equal(["two", ScriptedTestBot.ReplyTo("two")],
            DirectLineStreamClient.Activities(frame).Select(activity => activity.GetProperty("text").GetString()));
        Assert.Equal("5", frame!.Value.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task SecondSocket_ClosesTheFirstWithCollisionAndTakesOver()
    {
        var session = await DirectLineSession.StartAsync(_client);
        using var first = await DirectLineStreamClient.ConnectAsync(_app.Server, session.StreamUrl);
        await first.NextFrameAsync();

        using var second = await DirectLineStreamClient.ConnectAsync(_app.Server, session.StreamUrl);
        await second.NextFrameAsync();

        Assert.Null(await first.NextFrameAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, first.Socket.CloseStatus);
        Assert.Equal("collision", first.Socket.CloseStatusDescription);

        await (await session.PostMessageAsync(_client, "still here")).ExpectAsync(HttpStatusCode.OK);
        await second.WaitForActivityAsync(activity => activity.GetProperty("text").GetString() == ScriptedTestBot.ReplyTo("still here"));
    }

    [Fact]
    public async Task Typing_GoesOverTheSocketOnly()
    {
        var session = await DirectLineSession.StartAsync(_client);
        using var stream = await DirectLineStreamClient.ConnectAsync(_app.Server, session.StreamUrl);
        await stream.NextFrameAsync();

        await (await session.PostMessageAsync(_client, "typing")).ExpectAsync(HttpStatusCode.OK);
        await stream.WaitForActivityAsync(activity => activity.TryGetProperty("text", out var text) && text.GetString() == "done typing");

        var typingFrame = stream.Frames.Single(frame =>
            DirectLineStreamClient.Activities(frame).Any(activity => activity.GetProperty("type").GetString() == ActivityTypes.Typing));
        var typing = DirectLineStreamClient.Activities(typingFrame).First();
        Assert.Equal("bot", typing.GetProperty("from").GetProperty("role").GetString());
        Assert.StartsWith(session.ConversationId + "|", typing.GetProperty("id").GetString());

        var stored = await session.GetAllActivitiesAsync(_client);
        Assert.DoesNotContain(stored, activity => activity.GetProperty("type").GetString() == ActivityTypes.Typing);
        Assert.Equal(3, stored.Length);
    }

    [Fact]
    public async Task UserTyping_IsEchoedOnTheSocketWithoutAWatermark()
    {
        var session = await DirectLineSession.StartAsync(_client);
        using var stream = await DirectLineStreamClient.ConnectAsync(_app.Server, session.StreamUrl);
        await stream.NextFrameAsync();

        var posted = await (await _client.PostJsonAsync(session.ActivitiesPath, session.Token,
            """{"type":"typing","channelData":{"clientActivityID":"t-1"}}""")).ExpectAsync(HttpStatusCode.OK);
        var frame = await stream.NextFrameAsync();

        var echo = Assert.Single(DirectLineStreamClient.Activities(frame));
        Assert.Equal(posted.GetProperty("id").GetString(), echo.GetProperty("id").GetString());
        Assert.Equal("t-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.False(frame!.Value.TryGetProperty("watermark", out _));
    }

    [Fact]
    public async Task IdleSocket_GetsEmptyKeepAliveFrames()
    {
        await using var app = new DirectLineApplication(new Dictionary<string, string> { ["DirectLine:KeepAliveInterval"] = "00:00:00.100" });
        using var client = app.CreateClient();
        var session = await DirectLineSession.StartAsync(client);
        using var stream = await DirectLineStreamClient.ConnectAsync(app.Server, session.StreamUrl);
        await stream.NextFrameAsync();

        Assert.Equal("", await stream.ReceiveTextAsync());
        Assert.Equal("", await stream.ReceiveTextAsync());
    }

    [Fact]
    public async Task ClientFrames_AreIgnored()
    {
        var session = await DirectLineSession.StartAsync(_client);
        using var stream = await DirectLineStreamClient.ConnectAsync(_app.Server, session.StreamUrl);
        await stream.NextFrameAsync();

        await stream.Socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);
        await stream.Socket.SendAsync(Encoding.UTF8.GetBytes("{not json"), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);
        await stream.Socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, TestContext.Current.CancellationToken);
        await (await session.PostMessageAsync(_client, "after pings")).ExpectAsync(HttpStatusCode.OK);

        await stream.WaitForActivityAsync(activity => activity.GetProperty("text").GetString() == ScriptedTestBot.ReplyTo("after pings"));
        Assert.Equal(WebSocketState.Open, stream.Socket.State);
    }

    [Fact]
    public async Task ClientClose_IsAnsweredAndANewStreamCanOpen()
    {
        var session = await DirectLineSession.StartAsync(_client);
        using (var stream = await DirectLineStreamClient.ConnectAsync(_app.Server, session.StreamUrl))
        {
            await stream.NextFrameAsync();
            await stream.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", TestContext.Current.CancellationToken);
            Assert.Equal(WebSocketState.Closed, stream.Socket.State);
        }

        using var again = await DirectLineStreamClient.ConnectAsync(_app.Server, session.StreamUrl);
        Assert.Equal(ScriptedTestBot.Greeting, DirectLineStreamClient.Activities(await again.NextFrameAsync()).Single().GetProperty("text").GetString());
    }

    [Fact]
    public async Task ProactiveSend_IsPushedToTheOpenStream()
    {
        var session = await DirectLineSession.StartAsync(_client);
        using var stream = await DirectLineStreamClient.ConnectAsync(_app.Server, session.StreamUrl);
        await stream.NextFrameAsync();

        var sent = await _app.Services.GetRequiredService<IDirectLineConversations>().SendToConversationAsync(
            session.ConversationId, new Activity { Text = "An agent will be with you shortly." }, TestContext.Current.CancellationToken);

        var pushed = await stream.WaitForActivityAsync(activity => activity.GetProperty("id").GetString() == sent!.Id);
        Assert.Equal("An agent will be with you shortly.", pushed.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Stream_WithSecretInQuery_IsAccepted()
    {
        var session = await DirectLineSession.StartAsync(_client);
        var url = $"ws://localhost/v3/directline/conversations/{session.ConversationId}/stream?t={Uri.EscapeDataString(DirectLineApplication.Secret)}";

        using var stream = await DirectLineStreamClient.ConnectAsync(_app.Server, url);

        Assert.Single(DirectLineStreamClient.Activities(await stream.NextFrameAsync()));
    }

    [Fact]
    public async Task Frames_AreActivitySetsThatDirectLineJsCanParse()
    {
        var session = await DirectLineSession.StartAsync(_client);
        using var stream = await DirectLineStreamClient.ConnectAsync(_app.Server, session.StreamUrl);

        var text = await stream.ReceiveTextAsync();

        using var document = JsonDocument.Parse(text!);
        Assert.Equal(["activities", "watermark"], document.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.EndsWith("Z", document.RootElement.GetProperty("activities")[0].GetProperty("timestamp").GetString());
    }
}
