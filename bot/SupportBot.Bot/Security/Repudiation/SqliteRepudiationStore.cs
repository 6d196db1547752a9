using SupportBot.Bot.Storage.Sqlite;

namespace SupportBot.Bot.Security.Repudiation;

/// <summary>Repudiation codes in the bot's SQLite file (table <c>repudiations</c>).</summary>
internal sealed class SqliteRepudiationStore(SqliteDatabase database) : IRepudiationStore
{
    private const string InsertSql =
        """
        INSERT INTO repudiations (code_hash, case_id, account_ref, created_at, expires_at)
        VALUES ($code_hash, $case_id, $account_ref, $created_at, $expires_at);
        """;

    private const string FindSql = "SELECT case_id, account_ref FROM repudiations WHERE code_hash = $code_hash AND expires_at > $at;";

    private const string AlreadySql = "SELECT COUNT(*) FROM repudiations WHERE case_id = $case_id AND repudiated_at IS NOT NULL;";

    private const string MarkSql = "UPDATE repudiations SET repudiated_at = $at WHERE code_hash = $code_hash AND repudiated_at IS NULL;";

    private const string RepudiatedAtSql = "SELECT MIN(repudiated_at) FROM repudiations WHERE case_id = $case_id AND repudiated_at IS NOT NULL;";

    public Task CreateAsync(byte[] codeHash, string caseId, string accountRef, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        database.WriteAsync(
            "storing a repudiation code",
            (codeHash, caseId, accountRef, createdAt, expiresAt),
            static async (session, state, token) => await session.Command(InsertSql)
                .Bind("$code_hash", state.codeHash)
                .Bind("$case_id", state.caseId)
                .Bind("$account_ref", state.accountRef)
                .Bind("$created_at", state.createdAt)
                .Bind("$expires_at", state.expiresAt)
                .ExecuteNonQueryAsync(token),
            cancellationToken);

    public Task<RepudiatedCase?> RepudiateAsync(byte[] codeHash, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            "repudiating a case",
            (codeHash, at),
            static async (session, state, token) =>
            {
                string caseId;
                string accountRef;
                await using (var reader = await session.Command(FindSql).Bind("$code_hash", state.codeHash).Bind("$at", state.at).ExecuteReaderAsync(token))
                {
                    if (!await reader.ReadAsync(token))
                    {
                        return null;
                    }

                    caseId = reader.GetString(0);
                    accountRef = reader.GetString(1);
                }

                var before = (long)(await session.Command(AlreadySql).Bind("$case_id", caseId).ExecuteScalarAsync(token))!;
                await session.Command(MarkSql).Bind("$code_hash", state.codeHash).Bind("$at", state.at).ExecuteNonQueryAsync(token);
                return new RepudiatedCase(caseId, accountRef, before == 0);
            },
            cancellationToken);

    public Task<DateTimeOffset?> RepudiatedAtAsync(string caseId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            "reading a repudiation",
            caseId,
            static async (session, caseId, token) =>
            {
                var value = await session.Command(RepudiatedAtSql).Bind("$case_id", caseId).ExecuteScalarAsync(token);
                return value is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
            },
            cancellationToken);
}
