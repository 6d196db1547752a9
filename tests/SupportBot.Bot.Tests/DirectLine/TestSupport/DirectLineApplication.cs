using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Tests.DirectLine.TestSupport;

/// <summary>
/// The real host (Program) with the scripted bot, the in-memory transcript store and a manual clock swapped in.
/// </summary>
internal sealed class DirectLineApplication(
    IReadOnlyDictionary<string, string>? settings = null,
    bool configureSecret = true,
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    public const string Secret = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    public InMemoryTranscriptStore Store { get; } = new();

    public ScriptedTestBot Bot { get; } = new();

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public ListLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Each host gets its own data folder (SQLite file, keys), as a fresh install would.
        builder.UseSetting("Data:Directory", Directory.CreateTempSubdirectory("supportbot-test-").FullName);
        if (configureSecret)
        {
            builder.UseSetting("DirectLine:Secrets:0", Secret);
        }

        // Tests share one client address; the rate-limit test sets its own limit.
        builder.UseSetting("DirectLine:TokenRequestsPerMinute", "10000");
        builder.UseSetting("Security:BotChallenge:AdaptiveStep", "100000"); // and the bot challenge does not get harder
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ITranscriptStore>(Store);
            services.AddSingleton<IBot>(Bot);
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerProvider>(Logs);
            configureServices?.Invoke(services);
        });
    }
}
