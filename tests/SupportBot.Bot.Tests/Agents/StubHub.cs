using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace SupportBot.Bot.Tests.Agents;

/// <summary>An external contact-centre hub on 127.0.0.1 that records the <c>handoff.initiate</c> events it receives.</summary>
internal sealed class StubHub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubHub(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public ConcurrentQueue<(string Authorization, JsonElement Activity)> Received { get; } = new();

    public static async Task<StubHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var hub = new StubHub(app);
        app.MapPost("/handoff", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            hub.Received.Enqueue((request.Headers.Authorization.ToString(), body.RootElement.Clone()));
            return Results.Ok();
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        hub.Url = app.Urls.Single().TrimEnd('/') + "/handoff";
        return hub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
