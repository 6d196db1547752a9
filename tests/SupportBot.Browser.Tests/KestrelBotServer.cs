using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.DirectLine.TestSupport;
using Xunit;

namespace SupportBot.Browser.Tests;

/// <summary>
/// The real host (Program) on Kestrel at 127.0.0.1 and a free port, for clients that need a real socket: Node,
/// browsers. By default the bot is the scripted test bot and the transcript lives in memory; a subclass can pass
/// settings and override <see cref="ConfigureTestServices"/> to swap in something else. Use as a class or collection
/// fixture.
/// </summary>
public class KestrelBotServer : IAsyncLifetime
{
    /// <summary>The Direct Line secret the server is configured with.</summary>
    public const string Secret = "kestrel-test-secret-0123456789-abcdefghijklmnop";

    private readonly Factory _factory;

    public KestrelBotServer()
        : this(settings: null)
    {
    }

    /// <summary>For subclasses: configuration values on top of the defaults, e.g. <c>DirectLine:KeepAliveInterval</c>.</summary>
    protected KestrelBotServer(IReadOnlyDictionary<string, string>? settings)
    {
        _factory = new Factory(this, settings ?? new Dictionary<string, string>());
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    internal InMemoryTranscriptStore Store { get; } = new();

    internal ScriptedTestBot Bot { get; } = new();

    public IServiceProvider Services => _factory.Services;

    public ValueTask InitializeAsync()
    {
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single().TrimEnd('/'));
        return ValueTask.CompletedTask;
    }

    /// <summary>A plain HTTP client over the network, not the in-memory TestServer handler.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    /// <summary>A token from the page's token exchange, as the built-in page gets one.</summary>
    public async Task<string> GetTokenAsync(string? locale = null, CancellationToken cancellationToken = default)
    {
        using var client = CreateHttpClient();
        using var response = await client.PostAsJsonAsync("/api/directline/token", new { locale }, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Called last when the host's services are configured; override to swap in more.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    private sealed class Factory(KestrelBotServer owner, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Each host gets its own data folder (SQLite file, keys), as a fresh install would.
            builder.UseSetting("Data:Directory", Directory.CreateTempSubdirectory("supportbot-test-").FullName);
            builder.UseSetting("DirectLine:Secrets:0", Secret);
            builder.UseSetting("DirectLine:TokenRequestsPerMinute", "1000");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<ITranscriptStore>(owner.Store);
                services.AddSingleton<IBot>(owner.Bot);
                owner.ConfigureTestServices(services);
            });
        }
    }
}
