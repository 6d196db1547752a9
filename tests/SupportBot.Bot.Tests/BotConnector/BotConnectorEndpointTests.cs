using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Channels.BotConnector;
using SupportBot.Bot.Protocol;
using Xunit;
using static SupportBot.Bot.Tests.BotConnector.BotConnectorTestData;

namespace SupportBot.Bot.Tests.BotConnector;

/// <summary>POST /api/messages without an app id: delivery modes, replies and bad input.</summary>
public sealed class BotConnectorEndpointTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new(Now);
    private LocalChannelServer _channel = null!;

    public async ValueTask InitializeAsync() => _channel = await LocalChannelServer.StartAsync();

    public async ValueTask DisposeAsync() => await _channel.DisposeAsync();

    [Fact]
    public async Task PostActivity_ExpectReplies_ReturnsBufferedReplies()
    {
        var bot = ScriptedBot.Replying(a => [a.CreateReply("one"), new Activity { Text = "two" }]);
        await using var app = CreateApplication(bot);
        var activity = Message(_channel.ServiceUrl);
        activity["deliveryMode"] = "expectReplies";

        using var response = await app.CreateClient().SendAsync(Post(activity), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await ReadJsonAsync(response);
        var replies = body.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(["one", "two"], replies.Select(r => r.GetProperty("text").GetString()));
        foreach (var reply in replies)
        {
            Assert.Equal("message", reply.GetProperty("type").GetString());
            Assert.Equal("bot-1", reply.GetProperty("from").GetProperty("id").GetString());
            Assert.Equal("user-1", reply.GetProperty("recipient").GetProperty("id").GetString());
            Assert.Equal("conv-1", reply.GetProperty("conversation").GetProperty("id").GetString());
            Assert.Equal("fr-FR", reply.GetProperty("locale").GetString());
            Assert.Equal("act-1", reply.GetProperty("replyToId").GetString());
            Assert.Equal(Now, reply.GetProperty("timestamp").GetDateTimeOffset());
            Assert.False(reply.TryGetProperty("id", out _));
        }

        Assert.Empty(_channel.Replies);
        Assert.Equal(["", ""], bot.SendResults.Select(r => r.Id));
    }

    [Fact]
    public async Task PostActivity_ExpectRepliesWithoutReplies_ReturnsEmptyList()
    {
        await using var app = CreateApplication(new ScriptedBot((_, _) => Task.CompletedTask));
        var activity = Message("not a url");
        activity["deliveryMode"] = "expectReplies";

        using var response = await app.CreateClient().SendAsync(Post(activity), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await ReadJsonAsync(response)).GetProperty("activities").GetArrayLength());
    }

    [Fact]
    public async Task PostActivity_WithoutAppId_AcceptsUnauthenticatedCallAndPostsRepliesWithoutToken()
    {
        var bot = ScriptedBot.Echo();
        await using var app = CreateApplication(bot);

        using var response = await app.CreateClient().SendAsync(Post(Message(_channel.ServiceUrl, "a:b c")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var received = Assert.Single(bot.Received);
        Assert.Equal("hi", received.Text);
        Assert.True(received.Properties!.ContainsKey("unknownField"));

        var reply = Assert.Single(_channel.Replies);
        Assert.Equal("/channel-service/v3/conversations/a%3Ab%20c/activities/act-1", reply.Path);
        Assert.Equal("", reply.Authorization);
        Assert.Equal("echo: hi", reply.Body.GetProperty("text").GetString());
        Assert.Equal("act-1", reply.Body.GetProperty("replyToId").GetString());
        Assert.Equal("bot-1", reply.Body.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("user-1", reply.Body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("fr-FR", reply.Body.GetProperty("locale").GetString());
        Assert.Equal(Now, reply.Body.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal("reply-1", Assert.Single(bot.SendResults).Id);
    }

    [Fact]
    public async Task PostActivity_ServiceUrlWithoutTrailingSlash_PostsUnderItsPath()
    {
        await using var app = CreateApplication(ScriptedBot.Echo());

        using var response = await app.CreateClient().SendAsync(
            Post(Message(_channel.ServiceUrl.TrimEnd('/'))), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/channel-service/v3/conversations/conv-1/activities/act-1", Assert.Single(_channel.Replies).Path);
    }

    [Fact]
    public async Task PostActivity_DirectLineConversationUpdate_PostsToConversation()
    {
        await using var app = CreateApplication(ScriptedBot.Replying(_ => [new Activity { Text = "welcome" }]));
        var activity = Message(_channel.ServiceUrl, channelId: "directline");
        activity["type"] = "conversationUpdate";

        using var response = await app.CreateClient().SendAsync(Post(activity), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_channel.Replies);
        Assert.Equal("/channel-service/v3/conversations/conv-1/activities", reply.Path);
        Assert.False(reply.Body.TryGetProperty("replyToId", out _));
    }

    [Fact]
    public async Task PostActivity_Invoke_ReturnsInvokeResponseBody()
    {
        var bot = ScriptedBot.Replying(_ =>
        [
            new Activity
            {
                Type = "invokeResponse",
                Value = JsonSerializer.SerializeToElement(new { status = 200, body = new { answer = 42 } }),
            },
        ]);
        await using var app = CreateApplication(bot);
        var activity = Message(_channel.ServiceUrl);
        activity["type"] = "invoke";
        activity["name"] = "test/ask";

        using var response = await app.CreateClient().SendAsync(Post(activity), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(42, (await ReadJsonAsync(response)).GetProperty("answer").GetInt32());
        Assert.Empty(_channel.Replies);
    }

    [Fact]
    public async Task PostActivity_BotThrows_Returns500ProblemWithoutExceptionDetails()
    {
        var bot = new ScriptedBot((_, _) => throw new InvalidOperationException("secret internals"));
        await using var app = CreateApplication(bot);

        using var response = await app.CreateClient().SendAsync(Post(Message(_channel.ServiceUrl)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("secret internals", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain(" at ", text);
    }

    [Fact]
    public async Task PostActivity_ChannelRefusesReply_Returns502Problem()
    {
        _channel.ReplyStatus = HttpStatusCode.Forbidden;
        await using var app = CreateApplication(ScriptedBot.Echo());

        using var response = await app.CreateClient().SendAsync(Post(Message(_channel.ServiceUrl)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{\"type\":")]                          // truncated
    [InlineData("")]                                    // empty body
    [InlineData("[]")]                                  // not an object
    [InlineData("null")]
    [InlineData("\"message\"")]
    [InlineData("{\"text\":\"hi\"}")]                   // no type
    [InlineData("{\"type\":\"\"}")]                     // empty type
    [InlineData("{\"type\":\"message\"} {}")]           // trailing value
    [InlineData("{\"type\":\"message\",\"timestamp\":\"yesterday\"}")]
    [InlineData("{\"type\":\"message\",\"from\":[1]}")]
    public async Task PostActivity_BadBody_Returns400Problem(string body)
    {
        var bot = ScriptedBot.Echo();
        await using var app = CreateApplication(bot);

        using var response = await app.CreateClient().SendAsync(Post(Encoding.UTF8.GetBytes(body)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, (await ReadJsonAsync(response)).GetProperty("status").GetInt32());
        Assert.Empty(bot.Received);
    }

    [Fact]
    public async Task PostActivity_MessageWithoutServiceUrl_Returns400()
    {
        var bot = ScriptedBot.Echo();
        await using var app = CreateApplication(bot);
        var activity = Message(_channel.ServiceUrl);
        activity.Remove("serviceUrl");

        using var response = await app.CreateClient().SendAsync(Post(activity), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(bot.Received);
    }

    [Theory]
    [InlineData("https://attacker.example/collect/")]
    [InlineData("http://relay.invalid/")]
    public async Task PostActivity_WithoutAppIdToAnotherMachine_Returns400AndSendsNothing(string serviceUrl)
    {
        var bot = ScriptedBot.Echo();
        await using var app = CreateApplication(bot);

        using var response = await app.CreateClient().SendAsync(Post(Message(serviceUrl)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(bot.Received);
        Assert.Empty(_channel.Replies);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]               // never valid
    [InlineData(new byte[] { 0xC3, 0x28 })]         // broken two-byte sequence
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]   // UTF-16 surrogate
    [InlineData(new byte[] { 0xC0, 0xAF })]         // overlong
    public async Task PostActivity_InvalidUtf8_Returns400(byte[] badBytes)
    {
        var bot = ScriptedBot.Echo();
        await using var app = CreateApplication(bot);
        byte[] body = [.. "{\"type\":\"message\",\"text\":\""u8, .. badBytes, .. "\"}"u8];

        using var response = await app.CreateClient().SendAsync(Post(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(bot.Received);
    }

    [Fact]
    public async Task PostActivity_BodyOverOneMegabyte_Returns413()
    {
        var bot = ScriptedBot.Echo();
        await using var app = CreateApplication(bot);
        var activity = Message(_channel.ServiceUrl, text: new string('a', 1024 * 1024 + 1));

        using var response = await app.CreateClient().SendAsync(Post(activity), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(bot.Received);
    }

    [Fact]
    public async Task PostActivity_ChunkedBodyOverLimit_Returns413()
    {
        var bot = ScriptedBot.Echo();
        await using var app = CreateApplication(bot, new() { ["BotConnector:MaxBodyBytes"] = "4096" });
        var body = Encoding.UTF8.GetBytes(Message(_channel.ServiceUrl, text: new string('a', 8000)).ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new UnknownLengthContent(body) };

        using var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(bot.Received);
    }

    [Fact]
    public async Task PostActivity_ChunkedBodyUnderLimit_IsAccepted()
    {
        await using var app = CreateApplication(ScriptedBot.Echo());
        var body = Encoding.UTF8.GetBytes(Message(_channel.ServiceUrl, text: "é" + new string('a', 20_000) + "€").ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new UnknownLengthContent(body) };

        using var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("€", Assert.Single(_channel.Replies).Body.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherMethod_Returns405(string method)
    {
        await using var app = CreateApplication(ScriptedBot.Echo());

        using var response = await app.CreateClient().SendAsync(
            new HttpRequestMessage(new HttpMethod(method), "/api/messages"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("BotConnector:MaxBodyBytes", "10")]
    [InlineData("BotConnector:OpenIdMetadataUrl", "http://login.example/metadata")]
    [InlineData("BotConnector:MicrosoftAppTenantId", "../evil")]
    public void InvalidOptions_FailAtStartup(string key, string value)
    {
        // The host runs IStartupValidator before it serves anything; run it directly, because a host failing at
        // start inside WebApplicationFactory sometimes surfaces as ObjectDisposedException instead.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddBotConnector(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());
        Assert.Contains(key.Split(':')[1], error.Message);
    }

    private BotConnectorApplication CreateApplication(ScriptedBot bot, Dictionary<string, string?>? settings = null) =>
        new(bot, _time, settings ?? []);

    /// <summary>A body sent chunked, with no Content-Length, sliced into small writes.</summary>
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var offset = 0; offset < body.Length; offset += 1000)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(1000, body.Length - offset)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
