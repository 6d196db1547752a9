using Microsoft.Extensions.Logging;

namespace SupportBot.Bot.Storage.Sqlite;

internal sealed partial class SqliteDatabase
{
    private const string CreateMigrationsTableSql =
        """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER NOT NULL PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        ) STRICT;
        """;

    /// <summary>
    /// Brings the schema up to <see cref="SqliteMigrations.LatestVersion"/>; run once at start-up, before traffic.
    /// </summary>
    /// <remarks>
    /// All pending scripts run in one <c>BEGIN IMMEDIATE</c> transaction, so two processes starting at once
    /// cannot both apply a script, and a failing script leaves the database at its old version. Applying an
    /// up-to-date database again changes nothing.
    /// </remarks>
    /// <returns>How many migrations were applied (0 when the schema was already current).</returns>
    /// <exception cref="StorageException">
    /// The file cannot be opened or is not a database, a script failed, or the database was written by a newer
    /// version of SupportBot (<see cref="StorageFailureReason.Corrupt"/>); this build must not touch it then.
    /// </exception>
    public Task<int> MigrateAsync(CancellationToken cancellationToken = default) =>
        WriteAsync("applying database migrations", this, static (session, self, token) => self.MigrateCoreAsync(session, token), cancellationToken);

    private async Task<int> MigrateCoreAsync(SqliteSession session, CancellationToken cancellationToken)
    {
        await session.Command(CreateMigrationsTableSql).ExecuteNonQueryAsync(cancellationToken);
        var current = Convert.ToInt32(
            await session.Command("SELECT COALESCE(MAX(version), 0) FROM schema_migrations;").ExecuteScalarAsync(cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);

        var latest = SqliteMigrations.LatestVersion;
        if (current > latest)
        {
            throw new StorageException(
                StorageFailureReason.Corrupt,
                $"The SQLite database has schema version {current}, but this build of SupportBot only knows up to version {latest}. "
                + "It was written by a newer SupportBot: upgrade, or point Storage:Sqlite at another database.");
        }

        var applied = 0;
        foreach (var migration in SqliteMigrations.All)
        {
            if (migration.Version <= current)
            {
                continue;
            }

            // A script runs once in the life of a database, so it is not worth keeping compiled.
            using (var script = session.Connection.CreateCommand())
            {
                script.CommandText = migration.Sql;
                await script.ExecuteNonQueryAsync(cancellationToken);
            }

            await session.Command("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $applied_at);")
                .Bind("$version", migration.Version)
                .Bind("$name", migration.Name)
                .Bind("$applied_at", _timeProvider.GetUtcNow())
                .ExecuteNonQueryAsync(cancellationToken);
            applied++;
            _logger.LogInformation("Applying SQLite migration {Version} ({Name})", migration.Version, migration.Name);
        }

        return applied;
    }
}
