using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SupportBot.Bot.Tests.DirectLine.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.DirectLine;

/// <summary>Bad input gets a clear 4xx, never a 500, and nothing is stored or run.</summary>
public sealed class DirectLineBadInputTests(DirectLineFixture fixture) : IClassFixture<DirectLineFixture>
{
    private readonly HttpClient _client = fixture.CreateClient();

    private InMemoryTranscriptStore Store => fixture.App.Store;

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "", "BadSyntax" },
        { "   ", "BadSyntax" },
        { "{", "BadSyntax" },
        { "not json", "BadSyntax" },
        { "[]", "BadSyntax" },
        { "\"message\"", "BadSyntax" },
        { "null", "BadSyntax" },
        { """{"type":"message"} trailing""", "BadSyntax" },
        { """{"type":"message","type":"event"}""", "BadSyntax" },
        { """{"type":"message",}""", "BadSyntax" },
        { """{"type":"message" /* comment */}""", "BadSyntax" },
        { """{"type":123}""", "BadSyntax" },
        { """{"type":"message","from":"dl_someone"}""", "BadSyntax" },
        { """{"type":"message","attachments":{}}""", "BadSyntax" },
        { """{"type":"message","localTimestamp":"yesterday"}""", "BadSyntax" },
        { """{"text":"no type"}""", "MissingProperty" },
        { """{"type":"","text":"empty type"}""", "MissingProperty" },
        { """{"type":"   "}""", "MissingProperty" },
        { """{"type":null}""", "MissingProperty" },
        { """{"type":"conversationUpdate","membersAdded":[{"id":"x"}]}""", "BadArgument" },
        { """{"type":"message","from":{"id":"   "}}""", "BadArgument" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task PostActivity_MalformedBody_Returns400AndStoresNothing(string json, string code)
    {
        var session = await StartWithSecretAsync();
        var received = fixture.App.Bot.Received.Count;

        var response = await _client.PostJsonAsync(session.ActivitiesPath, DirectLineApplication.Secret, json);

        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, code);
        Assert.Single(Store.Entries(session.ConversationId));
        Assert.Equal(received, fixture.App.Bot.Received.Count);
    }

    [Fact]
    public async Task PostActivity_InvalidUtf8_Returns400()
    {
        var session = await StartWithSecretAsync();
        var bytes = Encoding.UTF8.GetBytes("""{"type":"message","text":"bad: X"}""");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xC3;
        using var content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

        var response = await _client.SendAsync(HttpMethod.Post, session.ActivitiesPath, session.Token, content);

        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadSyntax");
        Assert.Single(Store.Entries(session.ConversationId));
    }

    [Fact]
    public async Task PostActivity_DeeplyNested_Returns400()
    {
        var session = await StartWithSecretAsync();
        var json = """{"type":"message","value":""" + new string('[', 200) + new string(']', 200) + "}";

        var response = await _client.PostJsonAsync(session.ActivitiesPath, session.Token, json);

        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadSyntax");
    }

    [Fact]
    public async Task PostActivity_OneMegabyteOfText_Returns413AndStoresNothing()
    {
        var session = await StartWithSecretAsync();
        var json = DirectLineHttp.Json(new { type = "message", text = new string('a', 1024 * 1024) });

        var response = await _client.PostJsonAsync(session.ActivitiesPath, session.Token, json);

        await response.ExpectErrorAsync(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
        Assert.Single(Store.Entries(session.ConversationId));
    }

    [Fact]
    public async Task PostActivity_OversizedBodyWithoutContentLength_Returns413()
    {
        var session = await StartWithSecretAsync();
        var json = DirectLineHttp.Json(new { type = "message", text = new string('a', 300 * 1024) });

        var response = await _client.SendAsync(HttpMethod.Post, session.ActivitiesPath, session.Token, new UnknownLengthContent(json));

        await response.ExpectErrorAsync(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
        Assert.Single(Store.Entries(session.ConversationId));
    }

    [Fact]
    public async Task PostActivity_JustUnderTheLimit_IsAccepted()
    {
        var session = await StartWithSecretAsync();
        var json = DirectLineHttp.Json(new { type = "message", text = new string('a', 200 * 1024) });

        var response = await _client.SendAsync(HttpMethod.Post, session.ActivitiesPath, session.Token, new UnknownLengthContent(json));

        await response.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PostActivity_UnknownConversation_Returns404()
    {
        var response = await _client.PostJsonAsync("/v3/directline/conversations/does-not-exist/activities", DirectLineApplication.Secret,
            """{"type":"message","text":"hi"}""");

        await response.ExpectErrorAsync(HttpStatusCode.NotFound, "ConversationNotFound");
    }

    [Fact]
    public async Task PostActivity_VeryLongConversationId_Returns404()
    {
        var response = await _client.PostJsonAsync($"/v3/directline/conversations/{new string('x', 2000)}/activities",
            DirectLineApplication.Secret, """{"type":"message"}""");

        await response.ExpectErrorAsync(HttpStatusCode.NotFound, "ConversationNotFound");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJjb252IjoieCIsInVzZXIiOiJkbF94In0.")]
    public async Task PostActivity_InvalidToken_Returns403(string token)
    {
        var session = await StartWithSecretAsync();

        var response = await _client.PostJsonAsync(session.ActivitiesPath, token, """{"type":"message","text":"hi"}""");

        await response.ExpectErrorAsync(HttpStatusCode.Forbidden, "TokenInvalid");
        Assert.Single(Store.Entries(session.ConversationId));
    }

    [Fact]
    public async Task PostActivity_TooLongBearer_Returns403()
    {
        var session = await StartWithSecretAsync();

        var response = await _client.PostJsonAsync(session.ActivitiesPath, new string('a', 10_000), """{"type":"message"}""");

        await response.ExpectErrorAsync(HttpStatusCode.Forbidden, "TokenInvalid");
    }

    [Fact]
    public async Task PostActivity_NoCredential_Returns401()
    {
        var session = await StartWithSecretAsync();

        var response = await _client.PostJsonAsync(session.ActivitiesPath, null, """{"type":"message","text":"hi"}""");

        await response.ExpectErrorAsync(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Theory]
    [InlineData("x")]
    [InlineData("-5")]
    [InlineData("99999999999999999999999")]
    public async Task GetActivities_BadWatermark_Returns400(string watermark)
    {
        var session = await StartWithSecretAsync();

        var response = await _client.GetAsync($"{session.ActivitiesPath}?watermark={watermark}", session.Token);

        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task GetActivities_WatermarkPastTheEnd_ReturnsNothing()
    {
        var session = await StartWithSecretAsync();

        var body = await (await _client.GetAsync($"{session.ActivitiesPath}?watermark=50", session.Token)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(0, body.GetProperty("activities").GetArrayLength());
        Assert.Equal("50", body.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task GetActivities_UnknownConversation_Returns404()
    {
        var response = await _client.GetAsync("/v3/directline/conversations/missing/activities", DirectLineApplication.Secret);

        await response.ExpectErrorAsync(HttpStatusCode.NotFound, "ConversationNotFound");
    }

    [Theory]
    [InlineData("/v3/directline/conversations")]
    [InlineData("/v3/directline/tokens/generate")]
    [InlineData("/api/directline/token")]
    public async Task JsonEndpoints_MalformedBody_Return400(string path)
    {
        var response = await _client.PostJsonAsync(path, DirectLineApplication.Secret, """{"user":{"id":42}""");

        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadSyntax");
    }

    [Theory]
    [InlineData("/v3/directline/conversations")]
    [InlineData("/v3/directline/tokens/generate")]
    [InlineData("/api/directline/token")]
    public async Task JsonEndpoints_OversizedBody_Return413(string path)
    {
        var json = DirectLineHttp.Json(new { locale = new string('a', 1024 * 1024) });

        var response = await _client.PostJsonAsync(path, DirectLineApplication.Secret, json);

        await response.ExpectErrorAsync(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
    }

    [Fact]
    public async Task Stream_WithoutWebSocketUpgrade_Returns400()
    {
        var session = await StartWithSecretAsync();

        var response = await _client.GetAsync($"/v3/directline/conversations/{session.ConversationId}/stream?t={session.Token}", null);

        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadArgument");
    }

    [Theory]
    [InlineData("", HttpStatusCode.Unauthorized, "Unauthorized")]
    [InlineData("?t=garbage", HttpStatusCode.Forbidden, "TokenInvalid")]
    public async Task Stream_WithoutValidToken_IsRefusedBeforeTheUpgrade(string query, HttpStatusCode status, string code)
    {
        var session = await StartWithSecretAsync();

        var response = await _client.GetAsync($"/v3/directline/conversations/{session.ConversationId}/stream{query}", null);

        await response.ExpectErrorAsync(status, code);
    }

    private async Task<DirectLineSession> StartWithSecretAsync()
    {
        var body = await (await _client.PostJsonAsync("/v3/directline/conversations", DirectLineApplication.Secret, ""))
            .ExpectAsync(HttpStatusCode.Created);
        var token = body.GetProperty("token").GetString()!;
        return new DirectLineSession(
            body.GetProperty("conversationId").GetString()!,
            token,
            DirectLineHttp.JwtPayload(token).GetProperty("user").GetString()!,
            body.GetProperty("streamUrl").GetString()!);
    }

    /// <summary>A body sent chunked, with no Content-Length for the server to check up front.</summary>
    private sealed class UnknownLengthContent(string text) : HttpContent
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
