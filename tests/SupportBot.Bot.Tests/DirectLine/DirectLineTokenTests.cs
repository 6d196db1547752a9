using System.Net;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupportBot.Bot.Tests.DirectLine.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.DirectLine;

public sealed class DirectLineTokenTests : IAsyncLifetime
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
    public async Task Generate_WithSecret_ReturnsTokenForNewConversationAndDlUser()
    {
        var response = await _client.PostJsonAsync("/v3/directline/tokens/generate", DirectLineApplication.Secret, "");
        var body = await response.ExpectAsync(HttpStatusCode.OK);

        var token = body.GetProperty("token").GetString()!;
        var claims = DirectLineHttp.JwtPayload(token);
        Assert.Equal(1800, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(body.GetProperty("conversationId").GetString(), claims.GetProperty("conv").GetString());
        Assert.StartsWith("dl_", claims.GetProperty("user").GetString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Generate_WithDlUserId_PutsItInTheUserClaim()
    {
        var body = await (await _client.PostJsonAsync("/v3/directline/tokens/generate", DirectLineApplication.Secret,
            """{"user":{"id":"dl_alice","name":"Alice"},"trustedOrigins":["https://example.com"]}""")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("dl_alice", DirectLineHttp.JwtPayload(body.GetProperty("token").GetString()!).GetProperty("user").GetString());
    }

    [Theory]
    [InlineData("""{"user":{"id":"alice"}}""")]
    [InlineData("""{"user":{"id":""}}""")]
    public async Task Generate_UserIdWithoutDlPrefix_Returns400(string json)
    {
        var response = await _client.PostJsonAsync("/v3/directline/tokens/generate", DirectLineApplication.Secret, json);

        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task Generate_WithToken_Returns403()
    {
        var session = await DirectLineSession.StartAsync(_client);

        var response = await _client.PostJsonAsync("/v3/directline/tokens/generate", session.Token, "");

        await response.ExpectErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task Generate_WithoutAuthorization_Returns401()
    {
        var response = await _client.PostJsonAsync("/v3/directline/tokens/generate", null, "");

        await response.ExpectErrorAsync(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task Generate_WithBasicAuthorization_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("a:b")));

        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        await response.ExpectErrorAsync(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task Generate_WithWrongSecret_Returns403()
    {
        var response = await _client.PostJsonAsync("/v3/directline/tokens/generate", "not-the-secret-0123456789-abcdefghijklmnop", "");

        await response.ExpectErrorAsync(HttpStatusCode.Forbidden, "TokenInvalid");
    }

    [Fact]
    public async Task Refresh_WithToken_ReturnsNewTokenForSameConversationAndUser()
    {
        var session = await DirectLineSession.StartAsync(_client);
        _app.Clock.Advance(TimeSpan.FromMinutes(20));

        var body = await (await _client.PostJsonAsync("/v3/directline/tokens/refresh", session.Token, "")).ExpectAsync(HttpStatusCode.OK);
        var refreshed = body.GetProperty("token").GetString()!;

        Assert.NotEqual(session.Token, refreshed);
        Assert.Equal(session.ConversationId, body.GetProperty("conversationId").GetString());
        Assert.Equal(session.UserId, DirectLineHttp.JwtPayload(refreshed).GetProperty("user").GetString());

        // The new token outlives the old one's 30 minutes.
        _app.Clock.Advance(TimeSpan.FromMinutes(20));
        await (await _client.GetAsync(session.ActivitiesPath, refreshed)).ExpectAsync(HttpStatusCode.OK);
        await (await _client.GetAsync(session.ActivitiesPath, session.Token)).ExpectErrorAsync(HttpStatusCode.Forbidden, "TokenInvalid");
    }

    [Fact]
    public async Task Refresh_WithSecret_Returns400()
    {
        var response = await _client.PostJsonAsync("/v3/directline/tokens/refresh", DirectLineApplication.Secret, "");

        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task Refresh_ExpiredToken_Returns403()
    {
        var session = await DirectLineSession.StartAsync(_client);
        _app.Clock.Advance(TimeSpan.FromMinutes(31));

        var response = await _client.PostJsonAsync("/v3/directline/tokens/refresh", session.Token, "");

        await response.ExpectErrorAsync(HttpStatusCode.Forbidden, "TokenInvalid");
    }

    [Fact]
    public async Task Token_Expired_Returns403OnEveryConversationCall()
    {
        var session = await DirectLineSession.StartAsync(_client);
        _app.Clock.Advance(TimeSpan.FromMinutes(30));

        await (await _client.GetAsync(session.ActivitiesPath, session.Token)).ExpectErrorAsync(HttpStatusCode.Forbidden, "TokenInvalid");
        await (await session.PostMessageAsync(_client, "hi")).ExpectErrorAsync(HttpStatusCode.Forbidden, "TokenInvalid");
        await (await _client.GetAsync($"/v3/directline/conversations/{session.ConversationId}", session.Token))
            .ExpectErrorAsync(HttpStatusCode.Forbidden, "TokenInvalid");
        Assert.Single(_app.Store.Entries(session.ConversationId));
    }

    [Fact]
    public async Task Token_SignedWithAnotherKey_Returns403()
    {
        var session = await DirectLineSession.StartAsync(_client);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "supportbot/directline",
            Audience = "supportbot/directline",
            Claims = new Dictionary<string, object> { ["conv"] = session.ConversationId, ["user"] = session.UserId },
            IssuedAt = _app.Clock.GetUtcNow().UtcDateTime,
            NotBefore = _app.Clock.GetUtcNow().UtcDateTime,
            Expires = _app.Clock.GetUtcNow().UtcDateTime.AddMinutes(10),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(DirectLineApplication.Secret)), SecurityAlgorithms.HmacSha256),
        });

        var response = await _client.GetAsync(session.ActivitiesPath, forged);

        await response.ExpectErrorAsync(HttpStatusCode.Forbidden, "TokenInvalid");
    }

    [Fact]
    public async Task Token_WithTamperedPayload_Returns403()
    {
        var first = await DirectLineSession.StartAsync(_client);
        var second = await DirectLineSession.StartAsync(_client);
        var parts = first.Token.Split('.');
        var tampered = string.Join('.', parts[0], second.Token.Split('.')[1], parts[2]);

        var response = await _client.GetAsync(second.ActivitiesPath, tampered);

        await response.ExpectErrorAsync(HttpStatusCode.Forbidden, "TokenInvalid");
    }

    [Fact]
    public async Task Token_AfterSecretRotation_StaysValidWhileOldSecretIsListed()
    {
        var session = await DirectLineSession.StartAsync(_client);
        await using var rotated = new DirectLineApplication(
            new Dictionary<string, string>
            {
                ["DirectLine:Secrets:0"] = "the-new-secret-0123456789-abcdefghijklmnopqrstu",
                ["DirectLine:Secrets:1"] = DirectLineApplication.Secret,
            },
            configureSecret: false);
        using var client = rotated.CreateClient();

        // Same conversation id in the new deployment's store: the token checks out, the conversation is looked up.
        var response = await client.GetAsync(session.ActivitiesPath, session.Token);

        await response.ExpectErrorAsync(HttpStatusCode.NotFound, "ConversationNotFound");
    }
}
