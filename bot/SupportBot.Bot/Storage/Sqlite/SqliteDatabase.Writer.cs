using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace SupportBot.Bot.Storage.Sqlite;

internal sealed partial class SqliteDatabase
{
    // Bounds how long one transaction holds the file lock (and how much a failed commit takes down with it).
    private const int MaxBatchSize = 64;

    private readonly Channel<WriteRequest> _writes;
    private readonly Task _writerLoop;
    private SqliteSession? _writer; // Only the writer loop touches it.

    /// <summary>
    /// Runs <paramref name="work"/> on the writer connection inside a write transaction: committed if it returns,
    /// rolled back if it throws. The task completes once the transaction has committed.
    /// </summary>
    /// <param name="operation">What is being done, as a gerund phrase for error messages: "saving conversation state".</param>
    /// <param name="state">Passed to <paramref name="work"/>, so hot paths can use static lambdas and allocate no closure.</param>
    /// <param name="work">The reads and writes; they see every write committed or queued before them.</param>
    /// <param name="cancellationToken">Checked when the write reaches the front of the queue and passed to <paramref name="work"/>.</param>
    /// <exception cref="StorageException">The database failed or refused the write; nothing of it was written.</exception>
    public Task<TResult> WriteAsync<TState, TResult>(
        string operation, TState state, Func<SqliteSession, TState, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(cancellationToken);
        }

        var request = new WriteRequest<TState, TResult>(operation, state, work, cancellationToken);
        if (!_writes.Writer.TryWrite(request))
        {
            return Task.FromException<TResult>(new StorageException(
                StorageFailureReason.Unavailable, $"The SQLite storage has been shut down; it cannot be used for {operation}."));
        }

        return request.Task;
    }

    private async Task RunWriterAsync()
    {
        var batch = new List<WriteRequest>(MaxBatchSize);
        var reader = _writes.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatchSize && reader.TryRead(out var request))
            {
                if (request.CancellationToken.IsCancellationRequested)
                {
                    request.Cancel();
                }
                else
                {
                    batch.Add(request);
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await ExecuteBatchAsync(batch);
            }
            catch (Exception exception)
            {
                // Never let the loop die: every queued caller would wait forever.
                _logger.LogError(exception, "The SQLite writer failed unexpectedly; the writes in hand are failed");
                DiscardWriter();
                foreach (var request in batch)
                {
                    request.Fail(exception);
                }
            }

            batch.Clear();
        }

        DiscardWriter();
    }

    private async Task ExecuteBatchAsync(List<WriteRequest> batch)
    {
        SqliteSession session;
        try
        {
            session = _writer ??= Open(writer: true);
            session.Command("BEGIN IMMEDIATE").ExecuteNonQuery();
        }
        catch (Exception exception) when (SqliteErrors.IsProviderException(exception) || exception is StorageException)
        {
            DiscardWriter();
            FailAll(batch, exception);
            return;
        }

        // A lone write needs no savepoint: if it fails, the whole transaction is its own.
        var isolate = batch.Count > 1;
        var succeeded = new List<WriteRequest>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var request = batch[i];
            if (request.CancellationToken.IsCancellationRequested)
            {
                request.Cancel();
                continue;
            }

            try
            {
                if (isolate)
                {
                    session.Command("SAVEPOINT write_request").ExecuteNonQuery();
                }

                await request.RunAsync(session);
                if (isolate)
                {
                    session.Command("RELEASE write_request").ExecuteNonQuery();
                }

                succeeded.Add(request);
            }
            catch (Exception exception)
            {
                request.Fail(Translate(exception, request.Operation));
                if (isolate && TryRollBackToSavepoint(session))
                {
                    continue;
                }

                // The transaction is gone (SQLite rolls it all back after I/O errors, for instance): the writes that
                // succeeded before this one in the batch went with it, and the rest start over in a new batch.
                AbandonTransaction(session, SqliteErrors.PoisonsConnection(exception));
                FailAll(succeeded, exception, rolledBack: true);
                if (i + 1 < batch.Count)
                {
                    await ExecuteBatchAsync(batch.GetRange(i + 1, batch.Count - i - 1));
                }

                return;
            }
        }

        try
        {
            session.Command("COMMIT").ExecuteNonQuery();
        }
        catch (Exception exception) when (SqliteErrors.IsProviderException(exception))
        {
            AbandonTransaction(session, discard: true);
            FailAll(succeeded, exception);
            return;
        }

        foreach (var request in succeeded)
        {
            request.Complete();
        }

        NoteCommitted(succeeded.Count);
    }

    private static bool TryRollBackToSavepoint(SqliteSession session)
    {
        try
        {
            if (!session.InTransaction)
            {
                return false;
            }

            session.Command("ROLLBACK TO write_request").ExecuteNonQuery();
            session.Command("RELEASE write_request").ExecuteNonQuery();
            return true;
        }
        catch (Exception exception) when (SqliteErrors.IsProviderException(exception))
        {
            return false;
        }
    }

    private void AbandonTransaction(SqliteSession session, bool discard)
    {
        if (!discard)
        {
            try
            {
                if (session.InTransaction)
                {
                    session.Command("ROLLBACK").ExecuteNonQuery();
                }

                return;
            }
            catch (Exception exception) when (SqliteErrors.IsProviderException(exception))
            {
                // The rollback failed, so the connection's state is unknown: start again with a fresh one.
            }
        }

        // Closing a connection rolls back whatever transaction it still had open.
        DiscardWriter();
    }

    private void DiscardWriter()
    {
        var writer = _writer;
        _writer = null;
        writer?.Dispose();
    }

    private static void FailAll(List<WriteRequest> requests, Exception exception, bool rolledBack = false)
    {
        foreach (var request in requests)
        {
            request.Fail(rolledBack
                ? new StorageException(
                    StorageFailureReason.Unavailable,
                    $"The SQLite database rolled back a transaction while {request.Operation}, because another write in it failed. Nothing was written; try again.",
                    exception)
                : Translate(exception, request.Operation));
        }
    }

    private static Exception Translate(Exception exception, string operation) =>
        SqliteErrors.IsProviderException(exception) ? SqliteErrors.Translate(exception, operation) : exception;

    /// <summary>A queued write, independent of its state and result types so the loop can hold any mix of them.</summary>
    private abstract class WriteRequest(string operation, CancellationToken cancellationToken)
    {
        public string Operation { get; } = operation;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        /// <summary>Runs the work and keeps its result until the transaction commits.</summary>
        public abstract Task RunAsync(SqliteSession session);

        /// <summary>Hands over the result; called only after the commit.</summary>
        public abstract void Complete();

        public abstract void Fail(Exception exception);

        public abstract void Cancel();
    }

    private sealed class WriteRequest<TState, TResult>(
        string operation, TState state, Func<SqliteSession, TState, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken)
        : WriteRequest(operation, cancellationToken)
    {
        // Continuations run on the pool, not on the writer loop, which has the next batch to get on with.
        private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TState _state = state;
        private readonly Func<SqliteSession, TState, CancellationToken, Task<TResult>> _work = work;
        private TResult? _result;

        public Task<TResult> Task => _completion.Task;

        public override async Task RunAsync(SqliteSession session) =>
            _result = await _work(session, _state, CancellationToken);

        public override void Complete() => _completion.TrySetResult(_result!);

        public override void Fail(Exception exception)
        {
            if (exception is OperationCanceledException canceled && CancellationToken.IsCancellationRequested)
            {
                _completion.TrySetCanceled(canceled.CancellationToken);
            }
            else
            {
                _completion.TrySetException(exception);
            }
        }

        public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
    }
}
