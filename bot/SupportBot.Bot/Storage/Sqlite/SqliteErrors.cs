using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>
/// Turns whatever the SQLite stack throws into the one <see cref="StorageException"/> callers handle.
/// </summary>
/// <remarks>
/// Messages name the operation and SQLite's primary result code only. SQLite's own text is kept out of the
/// message because it can quote SQL, table layouts or file paths; it stays reachable as the inner exception
/// for whoever reads the logs.
/// </remarks>
internal static class SqliteErrors
{
    // SQLite primary result codes (https://sqlite.org/rescode.html); the extended code's low byte is the primary.
    private const int SqliteError = 1;
    private const int SqlitePerm = 3;
    private const int SqliteAbort = 4;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteNoMem = 7;
    private const int SqliteReadOnly = 8;
    private const int SqliteInterrupt = 9;
    private const int SqliteIoErr = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteProtocol = 15;
    private const int SqliteSchema = 17;
    private const int SqliteTooBig = 18;
    private const int SqliteConstraint = 19;
    private const int SqliteMismatch = 20;
    private const int SqliteMisuse = 21;
    private const int SqliteNoLfs = 22;
    private const int SqliteAuth = 23;
    private const int SqliteFormat = 24;
    private const int SqliteRange = 25;
    private const int SqliteNotADb = 26;

    /// <summary>Whether <paramref name="exception"/> comes from the storage stack and must be translated.</summary>
    /// <remarks>
    /// Cancellation and argument errors are left alone: the first is the caller's own request, the second a bug.
    /// <see cref="InvalidOperationException"/> covers what Microsoft.Data.Sqlite throws for a closed or disposed
    /// connection and for a NULL where a value was expected.
    /// </remarks>
    public static bool IsProviderException(Exception exception) => exception switch
    {
        StorageException or OperationCanceledException => false,
        DbException or IOException or UnauthorizedAccessException => true,
        InvalidCastException or FormatException or OverflowException or InvalidOperationException => true,
        _ => false,
    };

    /// <summary>The storage exception for <paramref name="exception"/>, raised while <paramref name="operation"/>.</summary>
    /// <param name="operation">What the caller asked for, as a gerund phrase: "saving conversation state".</param>
    public static StorageException Translate(Exception exception, string operation) => exception switch
    {
        StorageException storage => storage,
        SqliteException sqlite => FromSqlite(sqlite, operation),
        IOException or UnauthorizedAccessException => new StorageException(
            StorageFailureReason.Unavailable,
            $"The SQLite database file could not be reached while {operation} (file system error).",
            exception),
        ObjectDisposedException => new StorageException(
            StorageFailureReason.Unavailable,
            $"The SQLite storage has been shut down; it cannot be used for {operation}.",
            exception),
        InvalidCastException or FormatException or OverflowException => new StorageException(
            StorageFailureReason.Corrupt,
            $"A stored row does not have the expected shape while {operation}.",
            exception),
        _ => new StorageException(
            StorageFailureReason.Unavailable,
            $"The SQLite database could not be used while {operation}.",
            exception),
    };

    /// <summary>Whether <paramref name="exception"/> may have left the connection in a state a fresh one would not share.</summary>
    /// <remarks>A refused write (a constraint, a deliberate rejection) leaves the connection healthy; a bug in the caller too.</remarks>
    public static bool PoisonsConnection(Exception exception) => exception switch
    {
        StorageException storage => storage.Reason != StorageFailureReason.Rejected,
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is not (SqliteConstraint or SqliteMismatch or SqliteTooBig or SqliteRange),
        _ => IsProviderException(exception),
    };

    private static StorageException FromSqlite(SqliteException exception, string operation)
    {
        var primary = exception.SqliteErrorCode & 0xFF;
        var name = Name(primary);
        return primary switch
        {
            SqliteBusy or SqliteLocked => new StorageException(
                StorageFailureReason.Unavailable,
                $"The SQLite database stayed locked by another connection while {operation} ({name}).",
                exception),
            SqliteFull => new StorageException(
                StorageFailureReason.Unavailable,
                $"The disk holding the SQLite database is full; failed while {operation} ({name}).",
                exception),
            SqliteCantOpen or SqlitePerm or SqliteReadOnly or SqliteAuth => new StorageException(
                StorageFailureReason.Unavailable,
                $"The SQLite database file cannot be opened or written while {operation} ({name}). Check the path and its permissions.",
                exception),
            SqliteIoErr or SqliteNoMem or SqliteInterrupt or SqliteProtocol or SqliteNoLfs or SqliteMisuse or SqliteAbort => new StorageException(
                StorageFailureReason.Unavailable,
                $"The SQLite database failed while {operation} ({name}).",
                exception),
            SqliteCorrupt or SqliteNotADb or SqliteFormat => new StorageException(
                StorageFailureReason.Corrupt,
                $"The SQLite database file is damaged or is not a database; failed while {operation} ({name}).",
                exception),
            // A generic error at run time means SQL that no longer fits the schema: a table or column is missing.
            SqliteError or SqliteSchema => new StorageException(
                StorageFailureReason.Corrupt,
                $"The SQLite database does not have the expected schema while {operation} ({name}); are its migrations applied?",
                exception),
            SqliteConstraint or SqliteMismatch or SqliteTooBig or SqliteRange => new StorageException(
                StorageFailureReason.Rejected,
                $"The SQLite database refused {operation} ({name}): the data breaks one of its rules.",
                exception),
            _ => new StorageException(
                StorageFailureReason.Unavailable,
                $"The SQLite database failed while {operation} ({name}).",
                exception),
        };
    }

    private static string Name(int primary) => primary switch
    {
        SqliteError => "SQLITE_ERROR",
        SqlitePerm => "SQLITE_PERM",
        SqliteAbort => "SQLITE_ABORT",
        SqliteBusy => "SQLITE_BUSY",
        SqliteLocked => "SQLITE_LOCKED",
        SqliteNoMem => "SQLITE_NOMEM",
        SqliteReadOnly => "SQLITE_READONLY",
        SqliteInterrupt => "SQLITE_INTERRUPT",
        SqliteIoErr => "SQLITE_IOERR",
        SqliteCorrupt => "SQLITE_CORRUPT",
        SqliteFull => "SQLITE_FULL",
        SqliteCantOpen => "SQLITE_CANTOPEN",
        SqliteProtocol => "SQLITE_PROTOCOL",
        SqliteSchema => "SQLITE_SCHEMA",
        SqliteTooBig => "SQLITE_TOOBIG",
        SqliteConstraint => "SQLITE_CONSTRAINT",
        SqliteMismatch => "SQLITE_MISMATCH",
        SqliteMisuse => "SQLITE_MISUSE",
        SqliteNoLfs => "SQLITE_NOLFS",
        SqliteAuth => "SQLITE_AUTH",
        SqliteFormat => "SQLITE_FORMAT",
        SqliteRange => "SQLITE_RANGE",
        SqliteNotADb => "SQLITE_NOTADB",
        _ => $"SQLite code {primary}",
    };
}
