using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Channels.DirectLine;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Tests.DirectLine.TestSupport;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.DirectLine;

public sealed class DirectLineConversationTests : DirectLineTestBase
{
    [Fact]
    public async Task Start_WithSecret_Returns201WithTokenAndWebSocketStreamUrl()
    {
        var response = await Client.PostJsonAsync("/v3/directline/conversations", DirectLineApplication.Secret, "");
        var body = await response.ExpectAsync(HttpStatusCode.Created);

        var conversationId = body.GetProperty("conversationId").GetString()!;
        var token = body.GetProperty("token").GetString()!;
        Assert.Equal(1800, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(
            $"ws://localhost/v3/directline/conversations/{conversationId}/stream?t={token}",
            body.GetProperty("streamUrl").GetString());
        Assert.Equal($"/v3/directline/conversations/{conversationId}", response.Headers.Location?.ToString());
        Assert.Equal(conversationId, DirectLineHttp.JwtPayload(token).GetProperty("conv").GetString());
        Assert.StartsWith("dl_", DirectLineHttp.JwtPayload(token).GetProperty("user").GetString());
    }

    [Fact]
    public async Task Start_WithSecretAndUserInBody_UsesThatUser()
    {
        var body = await (await Client.PostJsonAsync("/v3/directline/conversations", DirectLineApplication.Secret,
            """{"user":{"id":"r_12345","name":"Web user"},"locale":"es-ES"}""")).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("r_12345", DirectLineHttp.JwtPayload(body.GetProperty("token").GetString()!).GetProperty("user").GetString());
        var update = Assert.Single(App.Bot.Received, activity => activity.Type == ActivityTypes.ConversationUpdate);
        Assert.Equal("es-ES", update.Locale);
        Assert.Equal("Web user", update.MembersAdded![0].Name);
    }

    [Fact]
    public async Task Start_OverHttps_ReturnsSecureStreamUrl()
    {
        using var client = App.CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        var body = await (await client.PostJsonAsync("/v3/directline/conversations", DirectLineApplication.Secret, ""))
            .ExpectAsync(HttpStatusCode.Created);

        Assert.StartsWith("wss://localhost/v3/directline/conversations/", body.GetProperty("streamUrl").GetString());
    }

    [Fact]
    public async Task Start_WithTokenTwice_Returns201ThenSameConversationWith200AndGreetsOnce()
    {
        var exchange = await (await Client.PostJsonAsync("/api/directline/token", null, await BotChallengeSolver.WithSolutionAsync(Client, "", TestContext.Current.CancellationToken)))
            .ExpectAsync(HttpStatusCode.OK);
        var token = exchange.GetProperty("token").GetString()!;

        var first = await (await Client.PostJsonAsync("/v3/directline/conversations", token, """{"user":{"id":"r_ignored"}}"""))
            .ExpectAsync(HttpStatusCode.Created);
        var second = await (await Client.PostJsonAsync("/v3/directline/conversations", token, "")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(exchange.GetProperty("conversationId").GetString(), first.GetProperty("conversationId").GetString());
        Assert.Equal(first.GetProperty("conversationId").GetString(), second.GetProperty("conversationId").GetString());
        Assert.Equal(token, second.GetProperty("token").GetString());
        var update = Assert.Single(App.Bot.Received, activity => activity.Type == ActivityTypes.ConversationUpdate);
        Assert.Equal(exchange.GetProperty("userId").GetString(), update.From!.Id);
    }

    [Fact]
    public async Task Start_RunsConversationUpdateTurn_GreetingIsStoredAndUpdateIsNot()
    {
        var session = await DirectLineSession.StartAsync(Client);

        var update = Assert.Single(App.Bot.Received);
        Assert.Equal(ActivityTypes.ConversationUpdate, update.Type);
        Assert.Equal([session.UserId, "supportbot"], update.MembersAdded!.Select(member => member.Id));
        Assert.Equal("directline", update.ChannelId);
        Assert.Equal(session.ConversationId, update.Conversation!.Id);
        Assert.Equal("bot", update.Recipient!.Role);

        var greeting = Assert.Single(await session.GetAllActivitiesAsync(Client));
        Assert.Equal(ScriptedTestBot.Greeting, greeting.GetProperty("text").GetString());
        Assert.Equal($"{session.ConversationId}|0000001", greeting.GetProperty("id").GetString());
        Assert.Equal("bot", greeting.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(session.UserId, greeting.GetProperty("recipient").GetProperty("id").GetString());
        Assert.False(greeting.TryGetProperty("replyToId", out _));
    }

    [Fact]
    public async Task Start_WithTokenFromExchangeWithLocale_GivesTheBotThatLocale()
    {
        await DirectLineSession.StartAsync(Client, locale: "fr-FR");

        var update = Assert.Single(App.Bot.Received);
        Assert.Equal("fr-FR", update.Locale);
    }

    [Fact]
    public async Task Start_WithMalformedBody_Returns400AndStartsNothing()
    {
        var response = await Client.PostJsonAsync("/v3/directline/conversations", DirectLineApplication.Secret, """{"user":""");

        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadSyntax");
        Assert.Empty(App.Bot.Received);
    }

    [Fact]
    public async Task Start_WithoutCredential_Returns401()
    {
        var response = await Client.PostJsonAsync("/v3/directline/conversations", null, "");

        await response.ExpectErrorAsync(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task Reconnect_WithWatermark_ReturnsStreamUrlThatReplaysAfterIt()
    {
        var session = await DirectLineSession.StartAsync(Client);

        var body = await (await Client.GetAsync($"/v3/directline/conversations/{session.ConversationId}?watermark=3", session.Token))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(session.ConversationId, body.GetProperty("conversationId").GetString());
        Assert.Equal(session.Token, body.GetProperty("token").GetString());
        Assert.Equal(
            $"ws://localhost/v3/directline/conversations/{session.ConversationId}/stream?watermark=3&t={session.Token}",
            body.GetProperty("streamUrl").GetString());
    }

    [Fact]
    public async Task Reconnect_WithSecret_IssuesATokenForTheConversationsUser()
    {
        var session = await DirectLineSession.StartAsync(Client);

        var body = await (await Client.GetAsync($"/v3/directline/conversations/{session.ConversationId}?watermark=", DirectLineApplication.Secret))
            .ExpectAsync(HttpStatusCode.OK);

        var claims = DirectLineHttp.JwtPayload(body.GetProperty("token").GetString()!);
        Assert.Equal(session.UserId, claims.GetProperty("user").GetString());
        Assert.Equal(session.ConversationId, claims.GetProperty("conv").GetString());
        Assert.DoesNotContain("watermark", body.GetProperty("streamUrl").GetString());
    }

    [Fact]
    public async Task Reconnect_UnknownConversation_Returns404()
    {
        var response = await Client.GetAsync("/v3/directline/conversations/nope?watermark=", DirectLineApplication.Secret);

        await response.ExpectErrorAsync(HttpStatusCode.NotFound, "ConversationNotFound");
    }

    [Fact]
    public async Task Reconnect_WithAnotherConversationsToken_Returns403()
    {
        var mine = await DirectLineSession.StartAsync(Client);
        var theirs = await DirectLineSession.StartAsync(Client);

        var response = await Client.GetAsync($"/v3/directline/conversations/{theirs.ConversationId}", mine.Token);

        await response.ExpectErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public async Task Reconnect_WithBadWatermark_Returns400(string watermark)
    {
        var session = await DirectLineSession.StartAsync(Client);

        var response = await Client.GetAsync($"/v3/directline/conversations/{session.ConversationId}?watermark={watermark}", session.Token);

        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task Upload_Returns415UntilAttachmentsAreSupported()
    {
        var session = await DirectLineSession.StartAsync(Client);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("""{"type":"message"}""", null, "application/vnd.microsoft.activity"), "activity" },
            { new ByteArrayContent([1, 2, 3]), "file", "photo.png" },
        };

        var response = await Client.SendAsync(HttpMethod.Post,
            $"/v3/directline/conversations/{session.ConversationId}/upload?userId={session.UserId}", session.Token, form);

        await response.ExpectErrorAsync(HttpStatusCode.UnsupportedMediaType, "AttachmentsNotSupported");
        Assert.Single(App.Store.Entries(session.ConversationId));
    }

    [Fact]
    public async Task Upload_ToUnknownConversation_Returns404()
    {
        var response = await Client.PostJsonAsync("/v3/directline/conversations/nope/upload?userId=x", DirectLineApplication.Secret, "");

        await response.ExpectErrorAsync(HttpStatusCode.NotFound, "ConversationNotFound");
    }

    [Fact]
    public async Task Preflight_FromAnyOrigin_AllowsTheHeadersDirectLineJsSends()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations/abc/activities");
        request.Headers.Add("Origin", "https://customer.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent,x-requested-with");

        var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        foreach (var header in new[] { "authorization", "content-type", "x-ms-bot-agent", "x-requested-with" })
        {
            Assert.Contains(header, allowed);
        }
    }

    [Fact]
    public async Task CrossOriginRequest_GetsAllowOriginAndExposesRetryAfter()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Add("Origin", "https://customer.example");
        request.Headers.Authorization = new("Bearer", DirectLineApplication.Secret);

        var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("Retry-After", string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")));
    }

    [Fact]
    public async Task StorageUnavailable_Returns503WithoutDetail()
    {
        var session = await DirectLineSession.StartAsync(Client);
        App.Store.Unavailable = true;

        var posted = await session.PostMessageAsync(Client, "hello");
        var polled = await Client.GetAsync(session.ActivitiesPath, session.Token);

        var body = await posted.ExpectErrorAsync(HttpStatusCode.ServiceUnavailable, "ServiceError");
        await polled.ExpectErrorAsync(HttpStatusCode.ServiceUnavailable, "ServiceError");
        Assert.DoesNotContain("switched off", body.GetRawText());
    }

    [Fact]
    public async Task Proactive_SendToConversation_StoresABotMessageWithIdAndKeepsAgentName()
    {
        var session = await DirectLineSession.StartAsync(Client);
        var conversations = App.Services.GetRequiredService<IDirectLineConversations>();
        var activity = new Activity { Text = "An agent has joined.", From = new ChannelAccount { Id = "agent-7", Name = "Sam (support)", Role = "user" } };

        var sent = await conversations.SendToConversationAsync(session.ConversationId, activity, TestContext.Current.CancellationToken);
        var unknown = await conversations.SendToConversationAsync("nope", new Activity { Text = "x" }, TestContext.Current.CancellationToken);

        Assert.Equal($"{session.ConversationId}|0000002", sent!.Id);
        Assert.Null(unknown);
        Assert.Null(activity.Id);
        var stored = (await session.GetAllActivitiesAsync(Client))[^1];
        Assert.Equal("message", stored.GetProperty("type").GetString());
        Assert.Equal("agent-7", stored.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("Sam (support)", stored.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("bot", stored.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(session.UserId, stored.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, stored.GetProperty("timestamp").ValueKind);
    }
}
