using SupportBot.Bot.Storage;
using SupportBot.Bot.Storage.Sqlite;
using Xunit;

namespace SupportBot.Bot.Tests.Storage;

public sealed partial class SqliteStorageContractTests
{
    private static void AssertSaysNothingInternal(StorageException exception)
    {
        foreach (var word in new[] { "SELECT", "INSERT", "UPDATE", "PRAGMA", "CREATE", "FROM", "conversation_state", "supportbot-storage-tests" })
        {
            Assert.DoesNotContain(word, exception.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task MigrateAsync_PathIsADirectory_ThrowsUnavailable()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "a-directory.db"));
        var database = CreateDatabase(new SqliteStorageOptions { Path = "a-directory.db" });

        var exception = await Assert.ThrowsAsync<StorageException>(() => database.MigrateAsync(Ct));

        Assert.Equal(StorageFailureReason.Unavailable, exception.Reason);
        AssertSaysNothingInternal(exception);
    }

    [Fact]
    public async Task Read_PathIsADirectory_ThrowsUnavailable()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "a-directory.db"));
        var database = CreateDatabase(new SqliteStorageOptions { Path = "a-directory.db" });

        var exception = await Assert.ThrowsAsync<StorageException>(() => new SqliteConversationStateStore(database, Clock).GetAsync("c1", Ct));

        Assert.Equal(StorageFailureReason.Unavailable, exception.Reason);
    }

    [Fact]
    public async Task MigrateAsync_FileOfGarbage_ThrowsCorrupt()
    {
        var garbage = new byte[8192];
        new Random(42).NextBytes(garbage);
        await File.WriteAllBytesAsync(Path.Combine(_directory, "garbage.db"), garbage, Ct);
        var database = CreateDatabase(new SqliteStorageOptions { Path = "garbage.db" });

        var exception = await Assert.ThrowsAsync<StorageException>(() => database.MigrateAsync(Ct));

        Assert.Equal(StorageFailureReason.Corrupt, exception.Reason);
        AssertSaysNothingInternal(exception);
        var read = await Assert.ThrowsAsync<StorageException>(() => new SqliteAuditLog(database, AuditKey).VerifyAsync(Ct));
        Assert.Equal(StorageFailureReason.Corrupt, read.Reason);
    }

    [Fact]
    public async Task MigrateAsync_DirectoryCannotBeCreated_ThrowsUnavailable()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "not-a-directory"), "file", Ct);
        var database = CreateDatabase(new SqliteStorageOptions { Path = "not-a-directory/supportbot.db" });

        var exception = await Assert.ThrowsAsync<StorageException>(() => database.MigrateAsync(Ct));

        Assert.Equal(StorageFailureReason.Unavailable, exception.Reason);
        AssertSaysNothingInternal(exception);
    }

    [Fact]
    public async Task Write_AfterARefusedWrite_TheWriterCarriesOn()
    {
        await Storage.Cases.CreateAsync(Case("case-1"), Ct);
        var refused = await Assert.ThrowsAsync<StorageException>(() => Storage.Cases.CreateAsync(Case("case-1"), Ct));

        await Storage.Cases.CreateAsync(Case("case-2"), Ct);

        Assert.Equal(StorageFailureReason.Rejected, refused.Reason);
        AssertSaysNothingInternal(refused);
        Assert.NotNull(await Storage.Cases.GetAsync("case-2", Ct));
    }

    [Fact]
    public async Task Stores_AfterDispose_ThrowUnavailable()
    {
        await Database.DisposeAsync();

        var write = await Assert.ThrowsAsync<StorageException>(() => Storage.States.SaveAsync("c1", "{}", 0, [], Ct));
        var read = await Assert.ThrowsAsync<StorageException>(() => Storage.States.GetAsync("c1", Ct));

        Assert.Equal(StorageFailureReason.Unavailable, write.Reason);
        Assert.Equal(StorageFailureReason.Unavailable, read.Reason);
    }

    [Fact]
    public async Task AddCodeFailureAsync_UnknownCode_IsRejected()
    {
        var exception = await Assert.ThrowsAsync<StorageException>(() => Storage.Verification.AddCodeFailureAsync("unknown", Ct));

        Assert.Equal(StorageFailureReason.Rejected, exception.Reason);
    }

    [Fact]
    public async Task WriteAsync_CanceledBeforeItRuns_WritesNothing()
    {
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Storage.States.SaveAsync("c1", "{}", 0, Entries("x"), canceled.Token));

        Assert.Null(await Storage.States.GetAsync("c1", Ct));
    }
}
