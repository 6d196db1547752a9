using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>
/// The one SQLite file behind every store: a single writer connection fed by a queue, and a pool of readers.
/// </summary>
/// <remarks>
/// <para>
/// SQLite lets one connection write at a time. Instead of letting every caller open a connection and fight for
/// the file lock (SQLITE_BUSY, retries, sleeps), writes queue up in front of one long-lived connection whose
/// statements stay compiled, and one loop runs them (see <c>SqliteDatabase.Writer.cs</c>). The loop commits
/// whatever has queued up in one <c>BEGIN IMMEDIATE</c> transaction, each write inside its own savepoint:
/// writes stay independent (one that fails is rolled back alone), but many share a commit. A caller's task
/// completes only after its transaction has committed.
/// </para>
/// <para>
/// In WAL mode readers never wait for the writer, so reads go to separate pooled connections (opened with
/// <c>query_only</c>) and run in parallel with it.
/// </para>
/// <para>
/// Every exception from the SQLite stack leaves here as a <see cref="StorageException"/>. After a failure that
/// may have left the writer connection in an unknown state it is closed and reopened on next use, in the spirit
/// of LiteDB refusing to go on with a poisoned engine.
/// </para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
internal sealed partial class SqliteDatabase : IAsyncDisposable, IDisposable
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly int _readerPoolSize;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<SqliteSession> _idleReaders = new();
    private int _idleReaderCount;
    private volatile bool _disposed;

    /// <summary>Creates the database object; nothing touches the file until the first call.</summary>
    /// <param name="options">Validated options.</param>
    /// <param name="contentRootPath">The directory a relative path is resolved against.</param>
    /// <param name="timeProvider">The clock for the times the store stamps itself (state saves, migrations).</param>
    /// <param name="logger">Where migrations are reported.</param>
    public SqliteDatabase(SqliteStorageOptions options, string contentRootPath, TimeProvider timeProvider, ILogger<SqliteDatabase>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(contentRootPath);
        ArgumentNullException.ThrowIfNull(timeProvider);

        _connectionString = BuildConnectionString(options, contentRootPath);
        _busyTimeoutMilliseconds = options.BusyTimeoutMilliseconds;
        _readerPoolSize = options.ReaderPoolSize;
        _timeProvider = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _writes = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
        _writerLoop = Task.Run(RunWriterAsync);
    }

    /// <summary>The database file's full path (or <c>file:</c> URI), for diagnostics and tests.</summary>
    public string DataSource => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    /// <summary>Runs <paramref name="work"/> on a pooled read-only connection.</summary>
    /// <param name="operation">What is being done, as a gerund phrase for error messages: "reading conversation state".</param>
    /// <param name="state">Passed to <paramref name="work"/>, so hot paths can use static lambdas and allocate no closure.</param>
    /// <param name="work">The reads.</param>
    /// <param name="cancellationToken">Checked before the read starts and passed to <paramref name="work"/>.</param>
    /// <exception cref="StorageException">The database could not be read.</exception>
    public async Task<TResult> ReadAsync<TState, TResult>(
        string operation, TState state, Func<SqliteSession, TState, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SqliteSession? session = null;
        try
        {
            session = RentReader();
            var result = await work(session, state, cancellationToken);
            ReturnReader(session);
            session = null;
            return result;
        }
        catch (Exception exception) when (SqliteErrors.IsProviderException(exception))
        {
            throw SqliteErrors.Translate(exception, operation);
        }
        finally
        {
            // A reader that failed half-way is closed rather than handed to the next caller.
            session?.Dispose();
        }
    }

    /// <remarks>Lets the queued writes finish, then closes every connection; closing the last one checkpoints the log.</remarks>
    public void Dispose()
    {
        if (BeginDispose())
        {
            // Blocking is bounded: the loops only have the work in hand to finish, and they run on the pool.
            _writerLoop.GetAwaiter().GetResult();
            StopCheckpointerAsync().GetAwaiter().GetResult();
            DisposeReaders();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (BeginDispose())
        {
            await _writerLoop;
            await StopCheckpointerAsync();
            DisposeReaders();
        }
    }

    private bool BeginDispose()
    {
        if (_disposed)
        {
            return false;
        }

        _disposed = true;
        _writes.Writer.TryComplete();
        return true;
    }

    private void DisposeReaders()
    {
        while (_idleReaders.TryDequeue(out var reader))
        {
            reader.Dispose();
        }
    }

    private SqliteSession RentReader()
    {
        if (_idleReaders.TryDequeue(out var reader))
        {
            Interlocked.Decrement(ref _idleReaderCount);
            return reader;
        }

        return Open(writer: false);
    }

    private void ReturnReader(SqliteSession reader)
    {
        if (!_disposed && Interlocked.Increment(ref _idleReaderCount) <= _readerPoolSize)
        {
            _idleReaders.Enqueue(reader);
            if (_disposed)
            {
                // Disposal ran between the check and the enqueue; do not leave this connection open behind it.
                DisposeReaders();
            }

            return;
        }

        Interlocked.Decrement(ref _idleReaderCount);
        reader.Dispose();
    }

    /// <param name="writer">The one writer: it may write, sets WAL, and leaves checkpoints to the checkpointer.</param>
    /// <param name="checkpointer">The checkpointer's connection: not a writer, but not read-only either.</param>
    private SqliteSession Open(bool writer, bool checkpointer = false)
    {
        ObjectDisposedException.ThrowIf(_disposed && !writer && !checkpointer, this);
        var dataSource = DataSource;
        if (!IsUri(dataSource) && Path.GetDirectoryName(dataSource) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var session = new SqliteSession(new SqliteConnection(_connectionString));
        try
        {
            session.Connection.Open();
            using var pragmas = session.Connection.CreateCommand();

            // synchronous=NORMAL is durable across application crashes in WAL mode; only a power cut can lose the
            // last commits, never corrupt the file. secure_delete=FAST zeroes erased content (delivered outbox
            // payloads) where that costs no extra I/O.
            pragmas.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"""
                PRAGMA busy_timeout = {_busyTimeoutMilliseconds};
                PRAGMA foreign_keys = ON;
                PRAGMA synchronous = NORMAL;
                PRAGMA secure_delete = FAST;
                PRAGMA query_only = {(writer || checkpointer ? "OFF" : "ON")};
                """);
            pragmas.ExecuteNonQuery();

            if (writer)
            {
                // Checkpoints run on their own connection (SqliteDatabase.Checkpoint.cs); once the log has been
                // copied back and restarts, its file is cut back to a sensible size.
                pragmas.CommandText = "PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864;";
                pragmas.ExecuteNonQuery();

                // The journal mode is stored in the file: setting it once makes every later connection use WAL.
                pragmas.CommandText = "PRAGMA journal_mode = WAL;";
                var mode = Convert.ToString(pragmas.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new StorageException(
                        StorageFailureReason.Rejected,
                        "The SQLite database could not be switched to WAL mode; it must be a file on a local file system.");
                }
            }

            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static string BuildConnectionString(SqliteStorageOptions options, string contentRootPath)
    {
        var builder = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = options.Path }
            : new SqliteConnectionStringBuilder(options.ConnectionString);

        if (!IsUri(builder.DataSource) && !Path.IsPathFullyQualified(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRootPath, builder.DataSource));
        }

        // This class keeps its own long-lived connections; the provider's pool would only hold file handles open
        // after disposal. The writer must be able to create and write the file whatever the string asked for.
        builder.Pooling = false;
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.DefaultTimeout = Math.Max(1, options.BusyTimeoutMilliseconds / 1000);
        return builder.ToString();
    }

    private static bool IsUri(string dataSource) => dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
