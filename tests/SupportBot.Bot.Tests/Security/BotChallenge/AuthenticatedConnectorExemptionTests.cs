using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Security.BotChallenge;
using SupportBot.Bot.Tests.BotConnector;
using Xunit;
using static SupportBot.Bot.Tests.BotConnector.BotConnectorTestData;

namespace SupportBot.Bot.Tests.Security.BotChallenge;

/// <summary>
/// security.md D3: <c>/api/messages</c> with a Bot Framework JWT the host validated (keys from a local OpenID server) is a
/// trusted origin, exempt from the bot challenge unless <c>ExemptAuthenticatedBotConnector</c> is switched off. A probe bot
/// asks the real gate during the real turn.
/// </summary>
public sealed class AuthenticatedConnectorExemptionTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new(Now);
    private LocalChannelServer _channel = null!;
    private TestSigningKey _channelKey = null!;

    public async ValueTask InitializeAsync()
    {
        _channel = await LocalChannelServer.StartAsync();
        _channelKey = new TestSigningKey("channel-key", "msteams", "webchat");
        _channel.ChannelKeys.Add(_channelKey);
    }

    public async ValueTask DisposeAsync()
    {
        _channelKey.Dispose();
        await _channel.DisposeAsync();
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("false", ChallengeLookupGate.UnchallengedReply)]
    public async Task ValidatedChannelToken_IsExempt_UnlessSwitchedOff(string? exempt, string? refusal)
    {
        var probe = new GateProbe();
        var settings = new Dictionary<string, string?>
        {
            ["BotConnector:MicrosoftAppId"] = AppId,
            ["BotConnector:MicrosoftAppPassword"] = AppPassword,
            ["BotConnector:OpenIdMetadataUrl"] = _channel.ChannelMetadataUrl,
            ["BotConnector:EmulatorOpenIdMetadataUrl"] = _channel.EmulatorMetadataUrl,
            ["BotConnector:TokenEndpoint"] = _channel.TokenEndpoint,
            ["BotConnector:RequireHttpsMetadata"] = "false",
        };
        if (exempt is not null)
        {
            settings["Security:BotChallenge:ExemptAuthenticatedBotConnector"] = exempt;
        }

        await using var app = new BotConnectorApplication(probe, _time, settings);
        probe.Gate = app.Services.GetRequiredService<ChallengeLookupGate>();
        var activity = Message(_channel.ServiceUrl);
        activity["deliveryMode"] = "expectReplies";
        var token = _channelKey.CreateToken("https://api.botframework.com", AppId, _time.GetUtcNow(), _time.GetUtcNow() + TimeSpan.FromHours(1),
            new Dictionary<string, object> { ["serviceurl"] = _channel.ServiceUrl });

        using var response = await app.CreateClient().SendAsync(Post(activity, token), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ConversationOrigin.AuthenticatedBotConnector, probe.Origin);
        Assert.Equal(refusal, probe.Refusal);
    }

    private sealed class GateProbe : IBot
    {
        public ChallengeLookupGate? Gate { get; set; }

        public ConversationOrigin? Origin { get; private set; }

        public string? Refusal { get; private set; }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            Origin = await Gate!.OriginAsync();
            Refusal = await Gate.RefusalAsync(turnContext.Activity.Conversation!.Id!, cancellationToken);
        }
    }
}
