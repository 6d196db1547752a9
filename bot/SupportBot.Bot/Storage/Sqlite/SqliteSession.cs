using Microsoft.Data.Sqlite;

namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>
/// One open connection and the commands prepared on it, leased to one caller at a time.
/// </summary>
/// <remarks>
/// A <see cref="SqliteCommand"/> keeps its compiled statements for as long as its text does not change, so
/// keeping one command per SQL text per connection means each statement is compiled once per connection
/// instead of once per call. Not thread-safe: <see cref="SqliteDatabase"/> hands a session to one caller at a time.
/// </remarks>
internal sealed class SqliteSession(SqliteConnection connection) : IDisposable
{
    private readonly SqliteConnection _connection = connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The connection, for what a cached command cannot do (reading its state, one-off statements).</summary>
    public SqliteConnection Connection => _connection;

    /// <summary>The command for <paramref name="sql"/> on this connection, prepared on first use and reused after.</summary>
    /// <remarks>Parameters keep their last values; bind every one with <see cref="SqliteCommandExtensions.Bind"/> before executing.</remarks>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        return command;
    }

    /// <summary>Whether the connection is inside a transaction (SQLite's autocommit flag is off).</summary>
    public bool InTransaction =>
        _connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        _connection.Dispose();
    }
}
