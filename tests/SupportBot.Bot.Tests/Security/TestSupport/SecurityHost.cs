using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SupportBot.Bot.Tests.Infrastructure;

namespace SupportBot.Bot.Tests.Security.TestSupport;

/// <summary>
/// The real host (real bot, SQLite in its own folder, demo directory) with a hand-moved clock, a Direct Line secret
/// and every log line captured, so a test can scan storage, logs and transcript for what must never be there.
/// </summary>
internal sealed class SecurityHost(Dictionary<string, string?>? settings = null, string environment = "Development") : WebApplicationFactory<Program>
{
    public const string DirectLineSecret = "security-test-secret-0123456789-abcdefghijklmnop";

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("supportbot-security-");

    public ManualTimeProvider Clock { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public string DataDirectory => _data.FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Data:Directory", _data.FullName);
        builder.UseSetting("DirectLine:Secrets:0", DirectLineSecret);
        builder.UseSetting("DirectLine:TokenRequestsPerMinute", "10000");
        builder.UseSetting("Security:BotChallenge:AdaptiveStep", "100000"); // one client address: no rising challenge difficulty
        builder.UseSetting("Delivery:RetryDelay", "00:00:00");
        foreach (var (key, value) in settings ?? [])
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.AddSingleton<ILoggerProvider>(Logs);
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

/// <summary>Every log line of the host, formatted as a console would show it (message, state and exception).</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string All => string.Join('\n', Lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{properties}] {exception}");
        }
    }
}
