using Microsoft.Extensions.Hosting;

namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>Applies the SQLite migrations when the host starts, before any hosted service (the web server included) starts.</summary>
/// <remarks>
/// It migrates in <see cref="IHostedLifecycleService.StartingAsync"/>, which the host runs for every lifecycle
/// service before calling any <see cref="IHostedService.StartAsync"/>, so no request can reach a store with an
/// old schema. A failure stops start-up with the <see cref="StorageException"/>.
/// </remarks>
internal sealed class SqliteMigrationHostedService(SqliteDatabase database) : IHostedLifecycleService
{
    private readonly SqliteDatabase _database = database;

    public Task StartingAsync(CancellationToken cancellationToken) => _database.MigrateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
