using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>Registers the SQLite provider, the embedded default storage.</summary>
internal static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers every storage contract on one SQLite file as singletons, binds and validates
    /// <see cref="SqliteStorageOptions"/> from <c>Storage:Sqlite</c>, and migrates the schema at start-up.
    /// </summary>
    /// <param name="services">The services to add to.</param>
    /// <param name="configure">Applied after configuration binding, e.g. to set the path in tests.</param>
    /// <remarks>
    /// Hosts that do not start the generic host (a one-shot CLI command) call
    /// <see cref="SqliteDatabase.MigrateAsync"/> themselves. A <see cref="TimeProvider"/> is registered only if
    /// none is, so tests can put a fake clock in first.
    /// </remarks>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<SqliteStorageOptions>()
            .BindConfiguration(SqliteStorageConstants.ConfigurationSection)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(static provider => new SqliteDatabase(
            provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value,
            provider.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<SqliteDatabase>>()));

        services.AddSingleton<IConversationStateStore, SqliteConversationStateStore>();
        services.AddSingleton<ITranscriptStore, SqliteTranscriptStore>();
        services.AddSingleton<ICaseStore, SqliteCaseStore>();
        services.AddSingleton<IVerificationStore, SqliteVerificationStore>();
        services.AddOptions<AuditOptions>().BindConfiguration("Audit");
        services.TryAddSingleton(static provider => AuditKeys.LoadKey(
            provider.GetRequiredService<IOptions<AuditOptions>>().Value, provider.GetRequiredService<SqliteDatabase>().DataSource));
        services.TryAddSingleton(static provider => AuditKeys.Anchor(
            provider.GetRequiredService<IOptions<AuditOptions>>().Value,
            provider.GetRequiredService<SqliteDatabase>().DataSource,
            provider.GetRequiredService<AuditChainKey>()));
        services.AddSingleton<IAuditLog>(static provider => new SqliteAuditLog(
            provider.GetRequiredService<SqliteDatabase>(), provider.GetRequiredService<AuditChainKey>(), provider.GetRequiredService<AuditAnchor>()));
        services.AddSingleton<IOutbox, SqliteOutbox>();
        services.AddSingleton<SupportBot.Bot.Agents.IAgentStore, SqliteAgentStore>();
        services.AddHostedService<SqliteMigrationHostedService>();
        return services;
    }
}
