using SupportBot.Bot.Storage;
using SupportBot.Bot.Storage.Sqlite;
using Xunit;

namespace SupportBot.Bot.Tests.Storage;

public sealed partial class SqliteStorageContractTests
{
    [Fact]
    public async Task MigrateAsync_AppliedAgain_AppliesNothingAndRecordsEachVersionOnce()
    {
        Assert.Equal(0, await Database.MigrateAsync(Ct));

        Assert.Equal((long)SqliteMigrations.All.Count, await QueryRawAsync<long>("SELECT COUNT(*) FROM schema_migrations;", Ct));
        Assert.Equal((long)SqliteMigrations.LatestVersion, await QueryRawAsync<long>("SELECT MAX(version) FROM schema_migrations;", Ct));
    }

    [Fact]
    public async Task MigrateAsync_FreshFile_AppliesEveryMigrationOnce()
    {
        var fresh = CreateDatabase(new SqliteStorageOptions { Path = "fresh/other.db" });

        Assert.Equal(SqliteMigrations.All.Count, await fresh.MigrateAsync(Ct));
        Assert.Equal(0, await fresh.MigrateAsync(Ct));
    }

    [Fact]
    public void Migrations_AreNumberedOneByOneFromOne()
    {
        Assert.Equal(Enumerable.Range(1, SqliteMigrations.All.Count), SqliteMigrations.All.Select(m => m.Version));
    }

    [Fact]
    public async Task MigrateAsync_DatabaseFromANewerVersion_RefusesToStart()
    {
        var newer = SqliteMigrations.LatestVersion + 1;
        await ExecuteRawAsync(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, 'from the future', 0);", Ct, ("$v", newer));
        var restarted = CreateDatabase(new SqliteStorageOptions { Path = "supportbot.db" });

        var exception = await Assert.ThrowsAsync<StorageException>(() => restarted.MigrateAsync(Ct));

        Assert.Equal(StorageFailureReason.Corrupt, exception.Reason);
        Assert.Contains($"schema version {newer}", exception.Message);
        Assert.Contains("newer", exception.Message);
    }

    [Fact]
    public async Task Open_Database_UsesWriteAheadLogging()
    {
        await Storage.States.SaveAsync("c1", "{}", 0, [], Ct);

        Assert.Equal("wal", await QueryRawAsync<string>("PRAGMA journal_mode;", Ct));
        Assert.True(File.Exists(DatabasePath + "-wal"));
    }

    [Fact]
    public async Task Stores_BeforeMigration_ThrowStorageExceptionSayingSo()
    {
        var unmigrated = CreateDatabase(new SqliteStorageOptions { Path = "unmigrated.db" });
        var states = new SqliteConversationStateStore(unmigrated, Clock);

        var read = await Assert.ThrowsAsync<StorageException>(() => states.GetAsync("c1", Ct));
        var write = await Assert.ThrowsAsync<StorageException>(() => states.SaveAsync("c1", "{}", 0, Entries("x"), Ct));

        Assert.Equal(StorageFailureReason.Corrupt, read.Reason);
        Assert.Equal(StorageFailureReason.Corrupt, write.Reason);
        Assert.Contains("migrations", write.Message);
    }

    [Fact]
    public async Task Checkpointer_AfterManyWrites_CopiesTheLogBackIntoTheDatabaseFile()
    {
        // The writer never checkpoints itself; without the background checkpointer the file would stay empty.
        await Parallel.ForAsync(0, 700, Ct, async (i, token) =>
            await Storage.States.SaveAsync($"c{i}", $"{{\"padding\":\"{new string('x', 500)}\"}}", 0, Entries("hello"), token));

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (new FileInfo(DatabasePath).Length < 256 * 1024 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, Ct);
        }

        Assert.True(new FileInfo(DatabasePath).Length >= 256 * 1024);
    }
}
