using SupportBot.Bot.Storage.Sqlite;

namespace SupportBot.Bot.Security.BotChallenge;

/// <summary>
/// The challenge's state in the bot's SQLite file: redeemed challenges until they expire (single use, and bounded:
/// expired rows are deleted as new ones arrive), and how many identity lookups each anonymous conversation made (kept
/// for <see cref="LookupCountRetention"/> after its last lookup).
/// </summary>
internal sealed class SqliteBotChallengeStore(SqliteDatabase database)
{
    /// <summary>A conversation idle this long has no token left to use (tokens live 30 minutes, refreshes need activity).</summary>
    public static readonly TimeSpan LookupCountRetention = TimeSpan.FromDays(7);

    private const string PurgeLookupsSql = "DELETE FROM bot_challenge_lookups WHERE last_at < $before;";

    private const string PurgeRedemptionsSql = "DELETE FROM bot_challenge_redemptions WHERE expires_at <= $now;";

    private const string RedeemSql =
        """
        INSERT INTO bot_challenge_redemptions (challenge_hash, expires_at) VALUES ($challenge_hash, $expires_at)
        ON CONFLICT (challenge_hash) DO NOTHING;
        """;

    private const string CountLookupSql =
        """
        INSERT INTO bot_challenge_lookups (conversation_id, lookups, last_at) VALUES ($conversation_id, 1, $at)
        ON CONFLICT (conversation_id) DO UPDATE SET lookups = lookups + 1, last_at = $at WHERE lookups < $max;
        """;

    /// <summary>Records <paramref name="challengeHash"/> as used; <see langword="false"/> when it already was.</summary>
    public Task<bool> TryRedeemAsync(byte[] challengeHash, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            "redeeming a bot challenge",
            (challengeHash, expiresAt, now),
            static async (session, state, token) =>
            {
                await session.Command(PurgeRedemptionsSql).Bind("$now", state.now).ExecuteNonQueryAsync(token);
                var inserted = await session.Command(RedeemSql)
                    .Bind("$challenge_hash", state.challengeHash)
                    .Bind("$expires_at", state.expiresAt)
                    .ExecuteNonQueryAsync(token);
                return inserted == 1;
            },
            cancellationToken);

    /// <summary>Counts one more lookup for the conversation unless it already made <paramref name="max"/>.</summary>
    public Task<bool> TryCountLookupAsync(string conversationId, int max, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            "counting a conversation's identity lookups",
            (conversationId, max, at),
            static async (session, state, token) =>
            {
                await session.Command(PurgeLookupsSql).Bind("$before", state.at - LookupCountRetention).ExecuteNonQueryAsync(token);
                return await session.Command(CountLookupSql)
                    .Bind("$conversation_id", state.conversationId)
                    .Bind("$max", state.max)
                    .Bind("$at", state.at)
                    .ExecuteNonQueryAsync(token) == 1;
            },
            cancellationToken);
}
