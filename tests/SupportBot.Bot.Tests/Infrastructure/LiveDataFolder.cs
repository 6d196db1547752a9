using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>
/// A copy of a running host's data folder, as the CLI would find it after a clean shutdown: the audit anchor (written
/// behind the appends) caught up, and the WAL folded back into the database. Test hosts delete their folder on
/// disposal, so tests that run the CLI on the data copy it out first.
/// </summary>
internal static class LiveDataFolder
{
    public static async Task<string> CopyAsync(IServiceProvider services, string dataDirectory, string prefix, CancellationToken cancellationToken)
    {
        services.GetRequiredService<AuditAnchor>().Flush();
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "supportbot.db")};Pooling=False"))
        {
            await connection.OpenAsync(cancellationToken);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }

        var copy = Directory.CreateTempSubdirectory(prefix).FullName;
        foreach (var file in Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(dataDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return copy;
    }
}
