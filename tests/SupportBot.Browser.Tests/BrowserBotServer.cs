using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Storage;
using Xunit;

namespace SupportBot.Browser.Tests;

/// <summary>
/// The whole bot on a real Kestrel port of 127.0.0.1, for clients the in-memory TestServer cannot serve: a
/// browser, a WebSocket. Development environment, with SQLite and any other data in a throw-away directory.
/// </summary>
/// <remarks>
/// Use it as a collection or assembly fixture. Pass an <see cref="IBot"/> to replace the registered bot (a
/// scripted one for page tests; none to run the real conversation), and settings to override configuration.
/// Derive to give xunit the parameterless constructor it needs: <c>sealed class MyServer() : BrowserBotServer(new MyBot())</c>.
/// </remarks>
public class BrowserBotServer : IAsyncLifetime
{
    private readonly IBot? _bot;
    private readonly Dictionary<string, string?> _settings;
    private Factory? _factory;
    private Uri? _baseAddress;

    public BrowserBotServer()
        : this(bot: null)
    {
    }

    public BrowserBotServer(IBot? bot, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _bot = bot;
        DataDirectory = Directory.CreateTempSubdirectory("supportbot-tests-").FullName;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Data:Directory"] = DataDirectory,
            ["Storage:Sqlite:Path"] = Path.Combine(DataDirectory, "supportbot.db"),

            // Every test client is 127.0.0.1, so the per-IP token limit would trip across a test run.
            ["DirectLine:TokenRequestsPerMinute"] = "10000",

            // Likewise the bot challenge's difficulty, which rises with the challenges one address fetches.
            ["Security:BotChallenge:AdaptiveStep"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>A directory of this server's own, deleted on dispose.</summary>
    public string DataDirectory { get; }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The server has not started yet.");

    /// <summary>The running application's services.</summary>
    public IServiceProvider Services => (_factory ?? throw new InvalidOperationException("The server has not started yet.")).Services;

    /// <summary>An <see cref="HttpClient"/> that talks to the server over the network, like any other client.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public virtual ValueTask InitializeAsync()
    {
        _factory = new Factory(this);
        _factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();

        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        _baseAddress = new Uri(addresses.First().TrimEnd('/') + "/");
        return ValueTask.CompletedTask;
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (SQLite WAL) is left to the temp cleaner rather than failing the run.
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Further test services, after the bot override.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    private sealed class Factory(BrowserBotServer owner) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            foreach (var (key, value) in owner._settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                if (owner._bot is { } bot)
                {
                    services.RemoveAll<IBot>();
                    services.AddSingleton(bot);
                }

                owner.ConfigureTestServices(services);
            });
        }
    }
}
