using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file on a connection of its own.
/// </summary>
/// <remarks>
/// SQLite's automatic checkpoint runs inside the commit that crosses the threshold, on the committing connection,
/// and with synchronous=NORMAL it is the one place that waits for fsync: every writer queued behind that commit
/// would wait too. The writer connection therefore has automatic checkpoints off, and this loop runs a PASSIVE
/// checkpoint (it never blocks the writer or readers) after every <see cref="CheckpointEveryWrites"/> committed
/// writes. Should the log still grow past <see cref="LargeWalFrames"/> (readers pinning old frames), a RESTART
/// checkpoint waits for them once so the log can start over. Closing the last connection checkpoints the rest.
/// </remarks>
internal sealed partial class SqliteDatabase
{
    private const int CheckpointEveryWrites = 500;
    private const int LargeWalFrames = 16_384;

    private readonly Channel<bool> _checkpointRequests = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private Task? _checkpointLoop;
    private int _writesSinceCheckpoint; // Only the writer loop touches it.

    /// <summary>Called by the writer loop after a commit; asks for a checkpoint once enough has been written.</summary>
    private void NoteCommitted(int writes)
    {
        _writesSinceCheckpoint += writes;
        if (_writesSinceCheckpoint < CheckpointEveryWrites)
        {
            return;
        }

        _writesSinceCheckpoint = 0;
        _checkpointLoop ??= Task.Run(RunCheckpointerAsync);
        _checkpointRequests.Writer.TryWrite(true);
    }

    private async Task RunCheckpointerAsync()
    {
        SqliteSession? session = null;
        try
        {
            while (await _checkpointRequests.Reader.WaitToReadAsync())
            {
                _checkpointRequests.Reader.TryRead(out _);
                try
                {
                    session ??= Open(writer: false, checkpointer: true);
                    if (Checkpoint(session, "PASSIVE") > LargeWalFrames)
                    {
                        Checkpoint(session, "RESTART");
                    }
                }
                catch (Exception exception) when (SqliteErrors.IsProviderException(exception) || exception is StorageException)
                {
                    // Not fatal: the log just grows until the next attempt, and the writers will report a dead disk.
                    _logger.LogWarning(exception, "SQLite checkpoint failed; it will be retried after further writes");
                    session?.Dispose();
                    session = null;
                }
            }
        }
        finally
        {
            session?.Dispose();
        }
    }

    /// <returns>The number of frames in the log when the checkpoint finished.</returns>
    private static long Checkpoint(SqliteSession session, string mode)
    {
        using var reader = session.Command($"PRAGMA wal_checkpoint({mode});").ExecuteReader();
        return reader.Read() ? reader.GetInt64(1) : 0;
    }

    private async Task StopCheckpointerAsync()
    {
        _checkpointRequests.Writer.TryComplete();
        if (_checkpointLoop is { } loop)
        {
            await loop;
        }
    }
}
