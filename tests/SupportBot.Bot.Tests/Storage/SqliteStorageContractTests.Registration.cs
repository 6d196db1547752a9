using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Storage.Sqlite;
using Xunit;

namespace SupportBot.Bot.Tests.Storage;

public sealed partial class SqliteStorageContractTests
{
    [Fact]
    public async Task AddSqliteStorage_InAHost_MigratesBeforeStartAndResolvesEveryContractAsASingleton()
    {
        var contentRoot = Path.Combine(_directory, "host");
        Directory.CreateDirectory(contentRoot);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = "nested/data/bot.db" });
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddSqliteStorage();
        using var host = builder.Build();

        await host.StartAsync(Ct);
        try
        {
            var services = host.Services;
            Assert.Same(services.GetRequiredService<IConversationStateStore>(), services.GetRequiredService<IConversationStateStore>());
            Assert.IsType<SqliteTranscriptStore>(services.GetRequiredService<ITranscriptStore>());
            Assert.IsType<SqliteCaseStore>(services.GetRequiredService<ICaseStore>());
            Assert.IsType<SqliteVerificationStore>(services.GetRequiredService<IVerificationStore>());
            Assert.IsType<SqliteAuditLog>(services.GetRequiredService<IAuditLog>());
            Assert.IsType<SqliteOutbox>(services.GetRequiredService<IOutbox>());

            var saved = await services.GetRequiredService<IConversationStateStore>().SaveAsync("c1", "{}", 0, Entries("hi"), Ct);

            Assert.IsType<SaveStateResult.Saved>(saved);
            Assert.True(File.Exists(Path.Combine(contentRoot, "nested", "data", "bot.db")));
            Assert.Equal(0, await services.GetRequiredService<SqliteDatabase>().MigrateAsync(Ct));
        }
        finally
        {
            await host.StopAsync(Ct);
        }
    }

    [Fact]
    public void AddSqliteStorage_Defaults_PointAtDataSupportbotDbInTheContentRoot()
    {
        var options = new SqliteStorageOptions();

        var database = CreateDatabase(options, contentRoot: Path.Combine(_directory, "root"));

        Assert.Equal("data/supportbot.db", options.Path);
        Assert.Null(options.ConnectionString);
        Assert.Equal(Path.Combine(_directory, "root", "data", "supportbot.db"), database.DataSource);
    }

    [Fact]
    public async Task AddSqliteStorage_ConnectionString_WinsOverPath()
    {
        var services = ConfiguredServices(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:ConnectionString"] = $"Data Source={Path.Combine(_directory, "from-connection-string.db")}",
            ["Storage:Sqlite:Path"] = "ignored.db",
        });

        await services.GetRequiredService<SqliteDatabase>().MigrateAsync(Ct);

        Assert.True(File.Exists(Path.Combine(_directory, "from-connection-string.db")));
        Assert.Equal(Path.Combine(_directory, "from-connection-string.db"), services.GetRequiredService<SqliteDatabase>().DataSource);
    }

    [Theory]
    [InlineData("Storage:Sqlite:Path", "")] // a database must live somewhere
    [InlineData("Storage:Sqlite:ReaderPoolSize", "0")] // reads need at least one connection
    [InlineData("Storage:Sqlite:BusyTimeoutMilliseconds", "-1")] // a negative wait means nothing
    [InlineData("Storage:Sqlite:ConnectionString", "Data Source=:memory:")] // WAL needs a file
    [InlineData("Storage:Sqlite:ConnectionString", "Data Source=x.db;Nonsense Keyword=1")] // not a connection string
    public void AddSqliteStorage_InvalidOptions_FailValidation(string key, string value)
    {
        var services = ConfiguredServices(new Dictionary<string, string?> { [key] = value });

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SqliteStorageOptions>>().Value);

        Assert.DoesNotContain("Nonsense", exception.Message);
    }

    private ServiceProvider ConfiguredServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(Clock)
            .AddSqliteStorage()
            .BuildServiceProvider();
        _disposables.Add(services);
        return services;
    }
}
