using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real host in memory with its own data folder (a fresh SQLite file), a hand-moved clock and the demo
/// directory, as a user would run it.
/// </summary>
public sealed class BotApplication : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("supportbot-test-");
    private readonly string _environment;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public BotApplication(string environment = "Development", Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _environment = environment;
        _settings = settings ?? [];
        _services = services;
    }

    public ManualTimeProvider Clock { get; } = new();

    public string DataDirectory => _data.FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Data:Directory", _data.FullName);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                _data.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a background task; the temp folder is cleaned by the OS.
            }
        }
    }
}
