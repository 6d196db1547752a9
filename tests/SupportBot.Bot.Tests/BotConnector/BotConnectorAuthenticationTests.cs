using System.Net;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;
using static SupportBot.Bot.Tests.BotConnector.BotConnectorTestData;

namespace SupportBot.Bot.Tests.BotConnector;

/// <summary>
/// POST /api/messages with an app id: tokens signed by locally generated keys that a local server publishes
/// as OpenID metadata and JWKS, and replies posted with a token from a local token endpoint.
/// </summary>
public sealed class BotConnectorAuthenticationTests : IAsyncLifetime
{
    private const string ChannelIssuer = "https://api.botframework.com";
    private const string SingleTenant = "0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b";
    private static readonly string EmulatorIssuerV1 = $"https://sts.windows.net/{LocalChannelServer.EmulatorTenant}/";
    private static readonly string EmulatorIssuerV2 = $"https://login.microsoftonline.com/{LocalChannelServer.EmulatorTenant}/v2.0";

    private readonly ManualTimeProvider _time = new(Now);
    private LocalChannelServer _channel = null!;
    private TestSigningKey _channelKey = null!;
    private TestSigningKey _slackOnlyKey = null!;
    private TestSigningKey _aadKey = null!;

    public async ValueTask InitializeAsync()
    {
        _channel = await LocalChannelServer.StartAsync();
        _channelKey = new TestSigningKey("channel-key", "msteams", "webchat");
        _slackOnlyKey = new TestSigningKey("slack-key", "slack");
        _aadKey = new TestSigningKey("aad-key");
        _channel.ChannelKeys.AddRange([_channelKey, _slackOnlyKey]);
        _channel.EmulatorKeys.Add(_aadKey);
    }

    public async ValueTask DisposeAsync() => await _channel.DisposeAsync();

    [Fact]
    public async Task ValidChannelToken_IsAccepted_AndRepliesCarryClientCredentialsToken()
    {
        var bot = ScriptedBot.Echo();
        await using var app = CreateApplication(bot);

        using var response = await app.CreateClient().SendAsync(
            Post(Message(_channel.ServiceUrl), ChannelToken()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Received);
        var reply = Assert.Single(_channel.Replies);
        Assert.Equal("Bearer access-token-1", reply.Authorization);
        Assert.Equal("/channel-service/v3/conversations/conv-1/activities/act-1", reply.Path);
        Assert.Equal("echo: hi", reply.Body.GetProperty("text").GetString());

        var form = Assert.Single(_channel.TokenRequests);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AppId, form["client_id"]);
        Assert.Equal(AppPassword, form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task ValidChannelToken_ExpectReplies_ReturnsRepliesWithoutCallingChannel()
    {
        await using var app = CreateApplication(ScriptedBot.Echo());
        var activity = Message(_channel.ServiceUrl);
        activity["deliveryMode"] = "expectReplies";

        using var response = await app.CreateClient().SendAsync(Post(activity, ChannelToken()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single((await ReadJsonAsync(response)).GetProperty("activities").EnumerateArray());
        Assert.Equal("echo: hi", reply.GetProperty("text").GetString());
        Assert.Empty(_channel.Replies);
        Assert.Empty(_channel.TokenRequests);
    }

    [Fact]
    public async Task ChannelTokenExpiredWithinClockSkew_IsAccepted()
    {
        await using var app = CreateApplication(ScriptedBot.Echo());
        var token = _channelKey.CreateToken(ChannelIssuer, AppId, Now - TimeSpan.FromHours(1), Now - TimeSpan.FromMinutes(4), ServiceUrlClaim());

        using var response = await app.CreateClient().SendAsync(Post(Message(_channel.ServiceUrl), token), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OutboundToken_IsCached_UntilShortlyBeforeExpiry()
    {
        await using var app = CreateApplication(ScriptedBot.Echo());
        var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(Post(Message(_channel.ServiceUrl), ChannelToken()), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Single(_channel.TokenRequests);

        // expires_in is 3600 s; the token is replaced 5 minutes early.
        _time.Advance(TimeSpan.FromMinutes(55) + TimeSpan.FromSeconds(1));
        using (var response = await client.SendAsync(Post(Message(_channel.ServiceUrl), ChannelToken()), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(2, _channel.TokenRequests.Count);
        Assert.Equal(
            ["Bearer access-token-1", "Bearer access-token-1", "Bearer access-token-1", "Bearer access-token-2"],
            _channel.Replies.Select(r => r.Authorization));
    }

    [Fact]
    public async Task RememberedToken_AfterExpiryPlusSkew_IsRejected()
    {
        var bot = ScriptedBot.Echo();
        await using var app = CreateApplication(bot);
        var client = app.CreateClient();
        var token = _channelKey.CreateToken(ChannelIssuer, AppId, Now, Now + TimeSpan.FromMinutes(10), ServiceUrlClaim());

        using (var first = await client.SendAsync(Post(Message(_channel.ServiceUrl), token), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        _time.Advance(TimeSpan.FromMinutes(16));
        using var second = await client.SendAsync(Post(Message(_channel.ServiceUrl), token), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Single(bot.Received);
    }

    [Fact]
    public async Task RememberedToken_StillCheckedAgainstEachActivity()
    {
        var bot = ScriptedBot.Echo();
        await using var app = CreateApplication(bot);
        var client = app.CreateClient();
        var token = ChannelToken();

        using (var first = await client.SendAsync(Post(Message(_channel.ServiceUrl), token), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var otherServiceUrl = await client.SendAsync(
            Post(Message("https://attacker.example/"), token), TestContext.Current.CancellationToken);
        using var otherChannel = await client.SendAsync(
            Post(Message(_channel.ServiceUrl, channelId: "slack"), token), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, otherServiceUrl.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherChannel.StatusCode);
        Assert.Single(bot.Received);
    }

    [Theory]
    [InlineData("1.0", "appid")]
    [InlineData("2.0", "azp")]
    public async Task EmulatorToken_NamingThisApp_IsAccepted(string version, string clientClaim)
    {
        var bot = ScriptedBot.Echo();
        await using var app = CreateApplication(bot);
        var issuer = version == "1.0" ? EmulatorIssuerV1 : EmulatorIssuerV2;
        var token = _aadKey.CreateToken(issuer, AppId, Now, Now + TimeSpan.FromHours(1),
            new Dictionary<string, object> { ["ver"] = version, [clientClaim] = AppId });

        using var response = await app.CreateClient().SendAsync(
            Post(Message(_channel.ServiceUrl, channelId: "emulator"), token), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Received);
        Assert.Equal("Bearer access-token-1", Assert.Single(_channel.Replies).Authorization);
    }

    [Fact]
    public async Task EmulatorToken_FromConfiguredSingleTenant_IsAccepted()
    {
        await using var app = CreateApplication(ScriptedBot.Echo(), new() { ["BotConnector:MicrosoftAppTenantId"] = SingleTenant });
        var token = _aadKey.CreateToken($"https://sts.windows.net/{SingleTenant}/", AppId, Now, Now + TimeSpan.FromHours(1),
            new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = AppId });

        using var response = await app.CreateClient().SendAsync(
            Post(Message(_channel.ServiceUrl, channelId: "emulator"), token), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("no Authorization header")]
    [InlineData("Basic scheme")]
    [InlineData("not a JWT")]
    [InlineData("wrong issuer")]
    [InlineData("wrong audience")]
    [InlineData("expired beyond clock skew")]
    [InlineData("not yet valid")]
    [InlineData("no expiry")]
    [InlineData("unsigned, alg none")]
    [InlineData("HS256 with the public key as secret")]
    [InlineData("signed by an unknown key")]
    [InlineData("forged with a published key id")]
    [InlineData("key not endorsed for the channel")]
    [InlineData("activity channel not endorsed")]
    [InlineData("activity without channelId")]
    [InlineData("serviceurl claim mismatch")]
    [InlineData("no serviceurl claim")]
    [InlineData("emulator token for another app")]
    [InlineData("emulator token without ver")]
    [InlineData("emulator token from a foreign tenant")]
    [InlineData("emulator issuer signed by a channel key")]
    public async Task InvalidCredentials_Return401WithoutDetail(string scenario)
    {
        var bot = ScriptedBot.Echo();
        await using var app = CreateApplication(bot);
        var activity = Message(_channel.ServiceUrl);
        var authorization = CreateAuthorization(scenario, activity);
        using var request = Post(activity);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        var problem = await ReadJsonAsync(response);
        Assert.Equal("The request is not authorized.", problem.GetProperty("title").GetString());
        Assert.False(problem.TryGetProperty("detail", out _));
        Assert.Empty(bot.Received);
        Assert.Empty(_channel.Replies);
    }

    [Fact]
    public async Task AppIdWithoutPassword_FailsAtStartup()
    {
        await using var app = new BotConnectorApplication(ScriptedBot.Echo(), _time, new Dictionary<string, string?>
        {
            ["BotConnector:MicrosoftAppId"] = AppId,
        });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => app.CreateClient());
        Assert.Contains("MicrosoftAppPassword", error.Message);
    }

    private string? CreateAuthorization(string scenario, JsonObject activity)
    {
        var hour = TimeSpan.FromHours(1);
        var emulatorClaims = new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = AppId };
        switch (scenario)
        {
            case "no Authorization header":
                return null;
            case "Basic scheme":
                return "Basic " + Convert.ToBase64String("user:pass"u8);
            case "not a JWT":
                return "Bearer not-a-token";
            case "wrong issuer":
                return Bearer(_channelKey.CreateToken("https://api.botframework.evil", AppId, Now, Now + hour, ServiceUrlClaim()));
            case "wrong audience":
                return Bearer(_channelKey.CreateToken(ChannelIssuer, "another-app", Now, Now + hour, ServiceUrlClaim()));
            case "expired beyond clock skew":
                return Bearer(_channelKey.CreateToken(ChannelIssuer, AppId, Now - hour, Now - TimeSpan.FromMinutes(6), ServiceUrlClaim()));
            case "not yet valid":
                return Bearer(_channelKey.CreateToken(ChannelIssuer, AppId, Now + TimeSpan.FromMinutes(6), Now + hour, ServiceUrlClaim()));
            case "no expiry":
                return Bearer(new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
                {
                    Issuer = ChannelIssuer,
                    Audience = AppId,
                    Claims = ServiceUrlClaim(),
                    SigningCredentials = new SigningCredentials(_channelKey.SecurityKey, SecurityAlgorithms.RsaSha256),
                }));
            case "unsigned, alg none":
                return Bearer(TestSigningKey.CreateUnsignedToken(new Dictionary<string, object>
                {
                    ["iss"] = ChannelIssuer,
                    ["aud"] = AppId,
                    ["exp"] = (Now + hour).ToUnixTimeSeconds(),
                    ["nbf"] = Now.ToUnixTimeSeconds(),
                    ["serviceurl"] = _channel.ServiceUrl,
                }));
            case "HS256 with the public key as secret":
                var secret = new SymmetricSecurityKey(_channelKey.SecurityKey.Rsa.ExportSubjectPublicKeyInfo()) { KeyId = _channelKey.KeyId };
                return Bearer(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
                {
                    Issuer = ChannelIssuer,
                    Audience = AppId,
                    IssuedAt = Now.UtcDateTime,
                    NotBefore = Now.UtcDateTime,
                    Expires = (Now + hour).UtcDateTime,
                    Claims = ServiceUrlClaim(),
                    SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
                }));
            case "signed by an unknown key":
                using (var unknown = new TestSigningKey("unknown-key", "msteams"))
                {
                    return Bearer(unknown.CreateToken(ChannelIssuer, AppId, Now, Now + hour, ServiceUrlClaim()));
                }

            case "forged with a published key id":
                using (var forged = new TestSigningKey(_channelKey.KeyId, "msteams"))
                {
                    return Bearer(forged.CreateToken(ChannelIssuer, AppId, Now, Now + hour, ServiceUrlClaim()));
                }

            case "key not endorsed for the channel":
                return Bearer(_slackOnlyKey.CreateToken(ChannelIssuer, AppId, Now, Now + hour, ServiceUrlClaim()));
            case "activity channel not endorsed":
                activity["channelId"] = "slack";
                return ChannelBearer();
            case "activity without channelId":
                activity.Remove("channelId");
                return ChannelBearer();
            case "serviceurl claim mismatch":
                return Bearer(_channelKey.CreateToken(ChannelIssuer, AppId, Now, Now + hour,
                    new Dictionary<string, object> { ["serviceurl"] = "https://attacker.example/" }));
            case "no serviceurl claim":
                return Bearer(_channelKey.CreateToken(ChannelIssuer, AppId, Now, Now + hour));
            case "emulator token for another app":
                return Bearer(_aadKey.CreateToken(EmulatorIssuerV2, AppId, Now, Now + hour,
                    new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = "another-app" }));
            case "emulator token without ver":
                return Bearer(_aadKey.CreateToken(EmulatorIssuerV2, AppId, Now, Now + hour,
                    new Dictionary<string, object> { ["azp"] = AppId, ["appid"] = AppId }));
            case "emulator token from a foreign tenant":
                return Bearer(_aadKey.CreateToken($"https://login.microsoftonline.com/{SingleTenant}/v2.0", AppId, Now, Now + hour, emulatorClaims));
            case "emulator issuer signed by a channel key":
                return Bearer(_channelKey.CreateToken(EmulatorIssuerV2, AppId, Now, Now + hour, emulatorClaims));
            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null);
        }
    }

    private static string Bearer(string token) => "Bearer " + token;

    private string ChannelBearer() => Bearer(ChannelToken());

    private string ChannelToken() =>
        _channelKey.CreateToken(ChannelIssuer, AppId, _time.GetUtcNow(), _time.GetUtcNow() + TimeSpan.FromHours(1), ServiceUrlClaim());

    private Dictionary<string, object> ServiceUrlClaim() => new() { ["serviceurl"] = _channel.ServiceUrl };

    private BotConnectorApplication CreateApplication(ScriptedBot bot, Dictionary<string, string?>? extraSettings = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BotConnector:MicrosoftAppId"] = AppId,
            ["BotConnector:MicrosoftAppPassword"] = AppPassword,
            ["BotConnector:OpenIdMetadataUrl"] = _channel.ChannelMetadataUrl,
            ["BotConnector:EmulatorOpenIdMetadataUrl"] = _channel.EmulatorMetadataUrl,
            ["BotConnector:TokenEndpoint"] = _channel.TokenEndpoint,
            ["BotConnector:RequireHttpsMetadata"] = "false",
        };
        foreach (var (key, value) in extraSettings ?? [])
        {
            settings[key] = value;
        }

        return new BotConnectorApplication(bot, _time, settings);
    }
}
