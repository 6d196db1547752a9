using Microsoft.Data.Sqlite;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Storage.Sqlite;
using Xunit;

namespace SupportBot.Bot.Tests.Storage;

/// <summary>The storage contract suite on SQLite, plus what only SQLite has: files, migrations, raw tampering.</summary>
/// <remarks>Each test gets its own temporary file, because WAL needs a file and tests run in parallel.</remarks>
public sealed partial class SqliteStorageContractTests : StorageContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "supportbot-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteDatabase> _databases = [];
    private readonly List<IAsyncDisposable> _disposables = [];
    private SqliteDatabase? _database;

    private SqliteDatabase Database => _database ?? throw new InvalidOperationException("The database is not open.");

    private string DatabasePath => Path.Combine(_directory, "supportbot.db");

    protected override async ValueTask<StorageUnderTest> OpenStorageAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        _database = CreateDatabase(new SqliteStorageOptions { Path = "supportbot.db" }, clock);
        await _database.MigrateAsync(cancellationToken);
        return new StorageUnderTest(
            new SqliteConversationStateStore(_database, clock),
            new SqliteTranscriptStore(_database),
            new SqliteCaseStore(_database),
            new SqliteVerificationStore(_database),
            new SqliteAuditLog(_database, AuditKey),
            new SqliteOutbox(_database));
    }

    protected override async ValueTask CloseStorageAsync()
    {
        foreach (var disposable in _disposables)
        {
            await disposable.DisposeAsync();
        }

        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    protected override Task MigrateAgainAsync(CancellationToken cancellationToken) => Database.MigrateAsync(cancellationToken);

    protected override Task RawUpdateTranscriptAsync(string conversationId, long sequence, CancellationToken cancellationToken) =>
        ExecuteRawAsync(
            "UPDATE transcript SET activity_json = '{\"text\":\"forged\"}' WHERE conversation_id = $c AND sequence = $s;",
            cancellationToken,
            ("$c", conversationId),
            ("$s", sequence));

    protected override Task RawDeleteTranscriptAsync(string conversationId, long sequence, CancellationToken cancellationToken) =>
        ExecuteRawAsync("DELETE FROM transcript WHERE conversation_id = $c AND sequence = $s;", cancellationToken, ("$c", conversationId), ("$s", sequence));

    protected override Task RawUpdateAuditAsync(long sequence, CancellationToken cancellationToken) =>
        ExecuteRawAsync("UPDATE audit_log SET actor = 'agent-42' WHERE sequence = $s;", cancellationToken, ("$s", sequence));

    protected override Task RawDeleteAuditAsync(long sequence, CancellationToken cancellationToken) =>
        ExecuteRawAsync("DELETE FROM audit_log WHERE sequence = $s;", cancellationToken, ("$s", sequence));

    protected override async Task<byte[]> RawReadOutboxPayloadAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenRawAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM outbox WHERE message_id = $m;";
        command.Parameters.AddWithValue("$m", messageId);
        return (byte[])(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private SqliteDatabase CreateDatabase(SqliteStorageOptions options, TimeProvider? clock = null, string? contentRoot = null)
    {
        var database = new SqliteDatabase(options, contentRoot ?? _directory, clock ?? Clock);
        _databases.Add(database);
        return database;
    }

    /// <summary>A connection of its own, as a person with the file and the sqlite3 shell would have.</summary>
    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task ExecuteRawAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenRawAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<T> QueryRawAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenRawAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
