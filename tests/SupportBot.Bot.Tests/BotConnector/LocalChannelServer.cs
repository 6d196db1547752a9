using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Xunit;

namespace SupportBot.Bot.Tests.BotConnector;

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for everything the bot talks to: the channel and Emulator
/// OpenID metadata and JWKS, the AAD token endpoint, and a channel's Connector API that records replies.
/// </summary>
internal sealed class LocalChannelServer : IAsyncDisposable
{
    public const string EmulatorTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    private readonly WebApplication _app;
    private int _tokenCount;
    private int _replyCount;

    private LocalChannelServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The service URL a channel would send; replies come back under it.</summary>
    public string ServiceUrl => BaseUrl + "/channel-service/";

    public string ChannelMetadataUrl => BaseUrl + "/channel/.well-known/openidconfiguration";

    public string EmulatorMetadataUrl => BaseUrl + "/emulator/.well-known/openid-configuration";

    public string TokenEndpoint => BaseUrl + "/token";

    /// <summary>Keys published at the channel JWKS.</summary>
    public List<TestSigningKey> ChannelKeys { get; } = [];

    /// <summary>Keys published at the Emulator (AAD) JWKS.</summary>
    public List<TestSigningKey> EmulatorKeys { get; } = [];

    public ConcurrentQueue<Dictionary<string, string>> TokenRequests { get; } = new();

    public ConcurrentQueue<RecordedReply> Replies { get; } = new();

    /// <summary>The status the Connector API answers replies with.</summary>
    public HttpStatusCode ReplyStatus { get; set; } = HttpStatusCode.OK;

    public static async Task<LocalChannelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LocalChannelServer(app);
        server.Map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        server.BaseUrl = app.Urls.Single().TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var key in ChannelKeys.Concat(EmulatorKeys))
        {
            key.Dispose();
        }
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/channel/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://api.botframework.com",
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = BaseUrl + "/channel/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        app.MapGet("/channel/keys", () => Results.Json(new { keys = ChannelKeys.Select(k => k.ToJwk()).ToArray() }));

        app.MapGet("/emulator/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = $"https://login.microsoftonline.com/{EmulatorTenant}/v2.0",
            ["jwks_uri"] = BaseUrl + "/emulator/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/emulator/keys", () => Results.Json(new { keys = EmulatorKeys.Select(k => k.ToJwk()).ToArray() }));

        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            TokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            var n = Interlocked.Increment(ref _tokenCount);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = $"access-token-{n}" });
        });

        app.MapPost("/channel-service/v3/conversations/{conversationId}/activities/{activityId?}",
            async (HttpRequest request, string conversationId, string? activityId) =>
            {
                var body = await JsonDocument.ParseAsync(request.Body);
                Replies.Enqueue(new RecordedReply(
                    request.HttpContext.Features.Get<IHttpRequestFeature>()!.RawTarget, conversationId, activityId, request.Headers.Authorization.ToString(), body.RootElement.Clone()));
                if (ReplyStatus != HttpStatusCode.OK)
                {
                    return Results.StatusCode((int)ReplyStatus);
                }

                return Results.Json(new { id = $"reply-{Interlocked.Increment(ref _replyCount)}" });
            });
    }
}
