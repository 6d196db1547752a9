using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Bot.Tests.Security.TestSupport;

/// <summary>An SMS gateway on Kestrel (loopback, port 0) that records every request and answers what the test says.</summary>
internal sealed class LocalSmsGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private LocalSmsGateway(WebApplication app) => _app = app;

    /// <summary>The status for the n-th request (1-based); 200 unless the test says otherwise.</summary>
    public Func<int, HttpStatusCode> Answer { get; set; } = _ => HttpStatusCode.OK;

    public ConcurrentQueue<ReceivedSms> Received { get; } = new();

    public IEnumerable<ReceivedSms> Delivered => Received.Where(sms => sms.Status == HttpStatusCode.OK);

    public int Requests => Volatile.Read(ref _requests);

    public string Url { get; private set; } = "";

    public static async Task<LocalSmsGateway> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new LocalSmsGateway(app);
        app.MapPost("/v1/sms", async (HttpContext context) =>
        {
            var n = Interlocked.Increment(ref gateway._requests);
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var status = gateway.Answer(n);
            gateway.Received.Enqueue(new ReceivedSms(
                body.RootElement.GetProperty("recipient").GetString()!,
                body.RootElement.GetProperty("message").GetProperty("body").GetString()!,
                context.Request.Headers["X-Api-Key"].ToString(),
                status));
            return Results.StatusCode((int)status);
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        gateway.Url = address.TrimEnd('/') + "/v1/sms";
        return gateway;
    }

    /// <summary>The template the host is configured with: this gateway's own JSON shape.</summary>
    public const string BodyTemplate = """{"recipient":"{to}","message":{"body":"{text}","type":"transactional"}}""";

    public const string ApiKey = "gateway-key-which-must-never-be-logged";

    public Dictionary<string, string?> HostSettings() => new()
    {
        ["Delivery:Sms:Url"] = Url,
        ["Delivery:Sms:AuthHeaderName"] = "X-Api-Key",
        ["Delivery:Sms:AuthHeaderValue"] = ApiKey,
        ["Delivery:Sms:BodyTemplate"] = BodyTemplate,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record ReceivedSms(string To, string Text, string ApiKey, HttpStatusCode Status);
