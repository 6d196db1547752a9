using SupportBot.Bot.Storage.Sqlite;

namespace SupportBot.Bot.Verification.OwnerNotices;

/// <summary>Owner notices in the bot's SQLite file (table <c>owner_notices</c>); the check and the insert share one write.</summary>
internal sealed class SqliteOwnerNoticeStore(SqliteDatabase database) : IOwnerNoticeStore
{
    private const string InsertUnlessRecentSql =
        """
        INSERT INTO owner_notices (account_id, reason, requested_at)
        SELECT $account_id, $reason, $at
        WHERE NOT EXISTS (
            SELECT 1 FROM owner_notices WHERE account_id = $account_id AND reason = $reason AND requested_at >= $not_before);
        """;

    public async Task<bool> TryRecordAsync(string accountKey, string reason, DateTimeOffset at, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountKey);
        ArgumentNullException.ThrowIfNull(reason);
        var inserted = await database.WriteAsync(
            "recording an owner notice",
            (accountKey, reason, at, notBefore),
            static async (session, state, token) => await session.Command(InsertUnlessRecentSql)
                .Bind("$account_id", state.accountKey)
                .Bind("$reason", state.reason)
                .Bind("$at", state.at)
                .Bind("$not_before", state.notBefore)
                .ExecuteNonQueryAsync(token),
            cancellationToken);
        return inserted == 1;
    }
}
