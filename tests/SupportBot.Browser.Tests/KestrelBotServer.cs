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
using Microsoft.Extensions.Hosting;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.DirectLine.TestSupport;
using Xunit;

namespace SupportBot.Browser.Tests;

/// <summary>
/// The real host (Program) on Kestrel at 127.0.0.1 and a free port, in the Development environment, for clients that
/// need a real socket: Node, browsers. By default the bot is the scripted test bot and the transcript lives in memory;
/// a subclass can pass settings, keep the host's own bot and storage (<c>scriptedBot: false</c>: RecoveryBot, SQLite
/// in the host's temporary data folder, the demo accounts and <c>/dev/outbox</c>) and override
/// <see cref="ConfigureTestServices"/> to swap in something else. Use as a class or collection fixture.
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
        : this(settings, scriptedBot: true)
    {
    }

    /// <summary>
    /// For subclasses: configuration values on top of the defaults, and whether the scripted test bot and the in-memory
    /// transcript replace the host's own (<see langword="false"/>: the real bot on the real storage).
    /// </summary>
    protected KestrelBotServer(IReadOnlyDictionary<string, string>? settings, bool scriptedBot)
    {
        _factory = new Factory(this, settings ?? new Dictionary<string, string>(), scriptedBot);
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The transcript, when the server runs the scripted bot; unused otherwise.</summary>
    internal InMemoryTranscriptStore Store { get; } = new();

    /// <summary>The bot, when the server runs the scripted one; unused otherwise.</summary>
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

    private sealed class Factory(KestrelBotServer owner, IReadOnlyDictionary<string, string> settings, bool scriptedBot)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // WebApplicationFactory's default, said out loud: /dev/outbox and the demo delivery sink depend on it.
            builder.UseEnvironment(Environments.Development);

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
                if (scriptedBot)
                {
                    services.AddSingleton<ITranscriptStore>(owner.Store);
                    services.AddSingleton<IBot>(owner.Bot);
                }

                owner.ConfigureTestServices(services);
            });
        }
    }
}
