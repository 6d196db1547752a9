namespace SupportBot.Bot.Storage.Sqlite;

internal sealed partial class SqliteDatabase
{
    /// <summary>
    /// Copies the write-ahead log back into the database and truncates it to zero bytes, waiting for readers
    /// (busy timeout). Retention calls it after pruning: until then the log's old frames still hold deleted rows.
    /// </summary>
    public Task TruncateWriteAheadLogAsync(CancellationToken cancellationToken) => Task.Run(
        () =>
        {
            using var session = Open(writer: false, checkpointer: true);
            Checkpoint(session, "TRUNCATE");
        },
        cancellationToken);
}
