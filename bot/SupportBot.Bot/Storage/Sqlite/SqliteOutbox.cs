using Microsoft.Data.Sqlite;

namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>The delivery outbox in SQLite.</summary>
/// <remarks>
/// <para>
/// A message is <c>pending</c> until it is <c>delivered</c> or <c>dead</c>. A claim leases due messages to one
/// caller and counts an attempt; a caller that crashes simply lets the lease run out, and the message is due
/// again. Claims run on the single writer, so two callers never lease the same message at once.
/// </para>
/// <para>
/// The payload may carry a code. Delivery overwrites it with an empty blob, and <c>secure_delete</c> (set by
/// <see cref="SqliteDatabase"/>) zeroes the old bytes in the page rather than leaving them in free space.
/// </para>
/// </remarks>
internal sealed class SqliteOutbox(SqliteDatabase database) : IOutbox
{
    private const string InsertSql =
        """
        INSERT INTO outbox (message_id, channel, payload, created_at, due_at, attempts, status)
        VALUES ($message_id, $channel, $payload, $created_at, $due_at, $attempts, 'pending');
        """;

    private const string ClaimSql =
        """
        UPDATE outbox SET lease_until = $lease_until, attempts = attempts + 1
        WHERE id IN (
            SELECT id FROM outbox
            WHERE status = 'pending' AND due_at <= $now AND (lease_until IS NULL OR lease_until <= $now)
            ORDER BY due_at, id
            LIMIT $max)
        RETURNING id, message_id, channel, payload, created_at, due_at, attempts, status, last_error;
        """;

    private const string DeliveredSql =
        """
        UPDATE outbox SET status = 'delivered', payload = X'', lease_until = NULL, delivered_at = $at
        WHERE message_id = $message_id;
        """;

    private const string FailedSql =
        """
        UPDATE outbox
        SET status = CASE WHEN $retry_at IS NULL THEN 'dead' ELSE 'pending' END,
            due_at = COALESCE($retry_at, due_at),
            last_error = $error,
            lease_until = NULL
        WHERE message_id = $message_id AND status <> 'delivered';
        """;

    private const string ExistsSql = "SELECT COUNT(*) FROM outbox WHERE message_id = $message_id;";

    // Gateway errors can be long; the outbox keeps enough to diagnose, not whole response bodies.
    private const int MaxErrorLength = 2_000;

    private readonly SqliteDatabase _database = database;

    public Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Payload);
        return _database.WriteAsync(
            "queueing an outbound message",
            message,
            static async (session, message, token) => await session.Command(InsertSql)
                .Bind("$message_id", message.MessageId)
                .Bind("$channel", message.Channel)
                .Bind("$payload", message.Payload)
                .Bind("$created_at", message.CreatedAt)
                .Bind("$due_at", message.DueAt)
                .Bind("$attempts", message.Attempts)
                .ExecuteNonQueryAsync(token),
            cancellationToken);
    }

    public Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(
        DateTimeOffset now, DateTimeOffset leaseUntil, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        if (maxCount == 0)
        {
            return Task.FromResult<IReadOnlyList<OutboxMessage>>([]);
        }

        return _database.WriteAsync(
            "claiming outbound messages",
            (now, leaseUntil, maxCount),
            static async (session, state, token) =>
            {
                await using var reader = await session.Command(ClaimSql)
                    .Bind("$now", state.now)
                    .Bind("$lease_until", state.leaseUntil)
                    .Bind("$max", state.maxCount)
                    .ExecuteReaderAsync(token);
                var claimed = new List<(long Id, OutboxMessage Message)>();
                while (await reader.ReadAsync(token))
                {
                    claimed.Add((reader.GetInt64(0), ReadMessage(reader)));
                }

                // RETURNING gives rows in no promised order; hand them out oldest due first.
                claimed.Sort(static (a, b) => a.Message.DueAt != b.Message.DueAt
                    ? a.Message.DueAt.CompareTo(b.Message.DueAt)
                    : a.Id.CompareTo(b.Id));
                return (IReadOnlyList<OutboxMessage>)claimed.ConvertAll(static c => c.Message);
            },
            cancellationToken);
    }

    /// <exception cref="StorageException">No message has <paramref name="messageId"/> (<see cref="StorageFailureReason.Rejected"/>).</exception>
    public Task MarkDeliveredAsync(string messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        return _database.WriteAsync(
            "marking a message delivered",
            (messageId, at),
            static async (session, state, token) =>
            {
                var changed = await session.Command(DeliveredSql)
                    .Bind("$message_id", state.messageId)
                    .Bind("$at", state.at)
                    .ExecuteNonQueryAsync(token);
                return changed == 1 ? changed : throw UnknownMessage();
            },
            cancellationToken);
    }

    /// <remarks>A message already delivered stays delivered.</remarks>
    /// <exception cref="StorageException">No message has <paramref name="messageId"/> (<see cref="StorageFailureReason.Rejected"/>).</exception>
    public Task MarkFailedAsync(string messageId, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(error);
        return _database.WriteAsync(
            "recording a failed delivery",
            (messageId, error: error.Length > MaxErrorLength ? error[..MaxErrorLength] : error, retryAt),
            static async (session, state, token) =>
            {
                var changed = await session.Command(FailedSql)
                    .Bind("$message_id", state.messageId)
                    .Bind("$error", state.error)
                    .Bind("$retry_at", state.retryAt)
                    .ExecuteNonQueryAsync(token);
                if (changed == 0
                    && (long)(await session.Command(ExistsSql).Bind("$message_id", state.messageId).ExecuteScalarAsync(token))! == 0)
                {
                    throw UnknownMessage();
                }

                return changed;
            },
            cancellationToken);
    }

    private static StorageException UnknownMessage() =>
        new(StorageFailureReason.Rejected, "No outbound message has that id.");

    private static OutboxMessage ReadMessage(SqliteDataReader reader) => new(
        MessageId: reader.GetString(1),
        Channel: reader.GetString(2),
        Payload: reader.GetBlob(3),
        CreatedAt: reader.GetInstant(4),
        DueAt: reader.GetInstant(5),
        Attempts: reader.GetInt32(6),
        Status: reader.GetString(7),
        LastError: reader.GetNullableString(8));
}
