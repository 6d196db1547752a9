namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>One-time codes (salted HMACs only) and the per-account throttling counters in SQLite.</summary>
/// <remarks>
/// Every counter changes in one statement on the single writer, so increments from any number of
/// conversations are exact. A unique partial index keeps at most one live code per (account, session) even if
/// a caller bypasses <see cref="StoreCodeAsync"/>. Whether a live code has expired is the caller's decision:
/// it holds the clock and <see cref="IssuedCode.ExpiresAt"/>.
/// </remarks>
internal sealed class SqliteVerificationStore(SqliteDatabase database) : IVerificationStore
{
    private const string InvalidateLiveSql =
        """
        UPDATE verification_codes SET status = 'invalidated', closed_at = $at
        WHERE account_id = $account_id AND session_id = $session_id AND status = 'live';
        """;

    private const string InsertCodeSql =
        """
        INSERT INTO verification_codes
            (code_id, account_id, session_id, channel, destination_key, salt, hash, issued_at, expires_at, failures, status)
        VALUES
            ($code_id, $account_id, $session_id, $channel, $destination_key, $salt, $hash, $issued_at, $expires_at, $failures, 'live');
        """;

    private const string SelectLiveSql =
        """
        SELECT code_id, channel, destination_key, salt, hash, issued_at, expires_at, failures
        FROM verification_codes
        WHERE account_id = $account_id AND session_id = $session_id AND status = 'live';
        """;

    private const string AddCodeFailureSql =
        "UPDATE verification_codes SET failures = failures + 1 WHERE code_id = $code_id RETURNING failures;";

    private const string ConsumeSql =
        "UPDATE verification_codes SET status = 'used', closed_at = $at WHERE code_id = $code_id AND status = 'live';";

    private const string AddAccountFailureSql =
        """
        INSERT INTO account_failures (account_id, failures, last_failure_at) VALUES ($account_id, 1, $at)
        ON CONFLICT (account_id) DO UPDATE SET failures = failures + 1, last_failure_at = MAX(last_failure_at, excluded.last_failure_at)
        RETURNING failures;
        """;

    private const string SelectAccountFailuresSql =
        "SELECT failures, last_failure_at FROM account_failures WHERE account_id = $account_id;";

    private const string ResetAccountFailuresSql = "DELETE FROM account_failures WHERE account_id = $account_id;";

    private const string InsertSendSql =
        "INSERT INTO code_sends (account_id, destination_key, sent_at) VALUES ($account_id, $destination_key, $at);";

    private const string CountAccountSendsSql =
        "SELECT COUNT(*) FROM code_sends WHERE account_id = $account_id AND sent_at >= $since;";

    private const string CountDestinationSendsSql =
        """
        SELECT COUNT(*) FROM code_sends
        WHERE account_id = $account_id AND destination_key = $destination_key AND sent_at >= $since;
        """;

    // One statement reads one snapshot, so the figures agree with each other. A destination is counted across
    // accounts: one phone number behind many accounts is still one phone to pump SMS to.
    private const string SendWindowSql =
        """
        SELECT
            (SELECT failures FROM account_failures WHERE account_id = $account_id),
            (SELECT last_failure_at FROM account_failures WHERE account_id = $account_id),
            (SELECT COUNT(*) FROM code_sends WHERE account_id = $account_id AND sent_at >= $hour_ago),
            (SELECT COUNT(*) FROM code_sends WHERE account_id = $account_id AND sent_at >= $day_ago),
            (SELECT COUNT(*) FROM code_sends WHERE destination_key = $destination_key AND sent_at >= $hour_ago),
            (SELECT COUNT(*) FROM code_sends WHERE destination_key = $destination_key AND sent_at >= $day_ago);
        """;

    private readonly SqliteDatabase _database = database;

    public Task StoreCodeAsync(IssuedCode code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _database.WriteAsync(
            "storing a verification code",
            code,
            static (session, code, token) => InsertCodeAsync(session, code, token),
            cancellationToken);
    }

    public Task IssueCodeAsync(IssuedCode code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _database.WriteAsync(
            "issuing a verification code",
            code,
            static async (session, code, token) =>
            {
                await InsertCodeAsync(session, code, token);
                return await session.Command(InsertSendSql)
                    .Bind("$account_id", code.AccountId)
                    .Bind("$destination_key", code.DestinationKey)
                    .Bind("$at", code.IssuedAt)
                    .ExecuteNonQueryAsync(token);
            },
            cancellationToken);
    }

    public Task<bool> TryIssueCodeAsync(IssuedCode code, int perHour, int perDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _database.WriteAsync(
            "issuing a verification code within the send caps",
            (code, perHour, perDay),
            static async (session, state, token) =>
            {
                var now = state.code.IssuedAt;
                await using (var reader = await session.Command(SendWindowSql)
                    .Bind("$account_id", state.code.AccountId)
                    .Bind("$destination_key", state.code.DestinationKey)
                    .Bind("$hour_ago", now.AddHours(-1))
                    .Bind("$day_ago", now.AddDays(-1))
                    .ExecuteReaderAsync(token))
                {
                    await reader.ReadAsync(token);
                    if (reader.GetInt32(2) >= state.perHour || reader.GetInt32(3) >= state.perDay
                        || reader.GetInt32(4) >= state.perHour || reader.GetInt32(5) >= state.perDay)
                    {
                        return false;
                    }
                }

                await InsertCodeAsync(session, state.code, token);
                await session.Command(InsertSendSql)
                    .Bind("$account_id", state.code.AccountId)
                    .Bind("$destination_key", state.code.DestinationKey)
                    .Bind("$at", state.code.IssuedAt)
                    .ExecuteNonQueryAsync(token);
                return true;
            },
            cancellationToken);
    }

    public Task<SendWindow> GetSendWindowAsync(string accountId, string destinationKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(destinationKey);
        return _database.ReadAsync(
            "reading an account's send window",
            (accountId, destinationKey, now),
            static async (session, state, token) =>
            {
                await using var reader = await session.Command(SendWindowSql)
                    .Bind("$account_id", state.accountId)
                    .Bind("$destination_key", state.destinationKey)
                    .Bind("$hour_ago", state.now.AddHours(-1))
                    .Bind("$day_ago", state.now.AddDays(-1))
                    .ExecuteReaderAsync(token);
                await reader.ReadAsync(token);
                var failures = reader.IsDBNull(0)
                    ? new AccountFailures(0, null)
                    : new AccountFailures(reader.GetInt32(0), reader.GetInstant(1));
                return new SendWindow(failures, reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5));
            },
            cancellationToken);
    }

    public Task<IssuedCode?> GetLiveCodeAsync(string accountId, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(sessionId);
        return _database.ReadAsync(
            "reading a live verification code",
            (accountId, sessionId),
            static (session, state, token) => ReadLiveCodeAsync(session, state.accountId, state.sessionId, token),
            cancellationToken);
    }

    public Task<CodeCheckState> GetCodeCheckStateAsync(string accountId, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(sessionId);
        return _database.ReadAsync(
            "reading a code check's state",
            (accountId, sessionId),
            static async (session, state, token) =>
            {
                // Two statements, so possibly two snapshots, read in the order the two separate calls used: failures first.
                var failures = await ReadAccountFailuresAsync(session, state.accountId, token);
                var live = await ReadLiveCodeAsync(session, state.accountId, state.sessionId, token);
                return new CodeCheckState(failures, live);
            },
            cancellationToken);
    }

    public Task<bool> AcceptCodeAsync(string codeId, string accountId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeId);
        ArgumentNullException.ThrowIfNull(accountId);
        return _database.WriteAsync(
            "accepting a verification code",
            (codeId, accountId, at),
            static async (session, state, token) =>
            {
                var changed = await session.Command(ConsumeSql)
                    .Bind("$code_id", state.codeId)
                    .Bind("$at", state.at)
                    .ExecuteNonQueryAsync(token);
                if (changed != 1)
                {
                    return false;
                }

                await session.Command(ResetAccountFailuresSql).Bind("$account_id", state.accountId).ExecuteNonQueryAsync(token);
                return true;
            },
            cancellationToken);
    }

    /// <exception cref="StorageException">No code has <paramref name="codeId"/> (<see cref="StorageFailureReason.Rejected"/>).</exception>
    public Task<int> AddCodeFailureAsync(string codeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeId);
        return _database.WriteAsync(
            "counting a wrong code entry",
            codeId,
            static async (session, codeId, token) =>
            {
                var failures = await session.Command(AddCodeFailureSql).Bind("$code_id", codeId).ExecuteScalarAsync(token);
                return failures is long value
                    ? checked((int)value)
                    : throw new StorageException(StorageFailureReason.Rejected, "No verification code has that id.");
            },
            cancellationToken);
    }

    public Task<bool> ConsumeCodeAsync(string codeId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeId);
        return _database.WriteAsync(
            "consuming a verification code",
            (codeId, at),
            static async (session, state, token) =>
            {
                var changed = await session.Command(ConsumeSql)
                    .Bind("$code_id", state.codeId)
                    .Bind("$at", state.at)
                    .ExecuteNonQueryAsync(token);
                return changed == 1;
            },
            cancellationToken);
    }

    public Task<int> AddAccountFailureAsync(string accountId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return _database.WriteAsync(
            "counting an account's failed verification",
            (accountId, at),
            static async (session, state, token) =>
            {
                var failures = await session.Command(AddAccountFailureSql)
                    .Bind("$account_id", state.accountId)
                    .Bind("$at", state.at)
                    .ExecuteScalarAsync(token);
                return checked((int)(long)failures!);
            },
            cancellationToken);
    }

    public Task<AccountFailures> GetAccountFailuresAsync(string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return _database.ReadAsync(
            "reading an account's failed verifications",
            accountId,
            static (session, accountId, token) => ReadAccountFailuresAsync(session, accountId, token),
            cancellationToken);
    }

    public Task ResetAccountFailuresAsync(string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return _database.WriteAsync(
            "clearing an account's failed verifications",
            accountId,
            static async (session, accountId, token) =>
                await session.Command(ResetAccountFailuresSql).Bind("$account_id", accountId).ExecuteNonQueryAsync(token),
            cancellationToken);
    }

    public Task RecordSendAsync(string accountId, string destinationKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(destinationKey);
        return _database.WriteAsync(
            "recording a code send",
            (accountId, destinationKey, at),
            static async (session, state, token) => await session.Command(InsertSendSql)
                .Bind("$account_id", state.accountId)
                .Bind("$destination_key", state.destinationKey)
                .Bind("$at", state.at)
                .ExecuteNonQueryAsync(token),
            cancellationToken);
    }

    public Task<int> CountSendsAsync(string accountId, string? destinationKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return _database.ReadAsync(
            "counting code sends",
            (accountId, destinationKey, since),
            static async (session, state, token) =>
            {
                var command = state.destinationKey is null
                    ? session.Command(CountAccountSendsSql)
                    : session.Command(CountDestinationSendsSql).Bind("$destination_key", state.destinationKey);
                var count = await command
                    .Bind("$account_id", state.accountId)
                    .Bind("$since", state.since)
                    .ExecuteScalarAsync(token);
                return checked((int)(long)count!);
            },
            cancellationToken);
    }

    private static async Task<int> InsertCodeAsync(SqliteSession session, IssuedCode code, CancellationToken cancellationToken)
    {
        await session.Command(InvalidateLiveSql)
            .Bind("$account_id", code.AccountId)
            .Bind("$session_id", code.SessionId)
            .Bind("$at", code.IssuedAt)
            .ExecuteNonQueryAsync(cancellationToken);
        return await session.Command(InsertCodeSql)
            .Bind("$code_id", code.CodeId)
            .Bind("$account_id", code.AccountId)
            .Bind("$session_id", code.SessionId)
            .Bind("$channel", code.Channel)
            .Bind("$destination_key", code.DestinationKey)
            .Bind("$salt", code.Salt)
            .Bind("$hash", code.Hash)
            .Bind("$issued_at", code.IssuedAt)
            .Bind("$expires_at", code.ExpiresAt)
            .Bind("$failures", code.Failures)
            .ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<AccountFailures> ReadAccountFailuresAsync(SqliteSession session, string accountId, CancellationToken cancellationToken)
    {
        await using var reader = await session.Command(SelectAccountFailuresSql)
            .Bind("$account_id", accountId)
            .ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AccountFailures(reader.GetInt32(0), reader.GetInstant(1))
            : new AccountFailures(0, null);
    }

    private static async Task<IssuedCode?> ReadLiveCodeAsync(
        SqliteSession session, string accountId, string sessionId, CancellationToken cancellationToken)
    {
        await using var reader = await session.Command(SelectLiveSql)
            .Bind("$account_id", accountId)
            .Bind("$session_id", sessionId)
            .ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new IssuedCode(
            CodeId: reader.GetString(0),
            AccountId: accountId,
            SessionId: sessionId,
            Channel: reader.GetString(1),
            DestinationKey: reader.GetString(2),
            Salt: reader.GetBlob(3),
            Hash: reader.GetBlob(4),
            IssuedAt: reader.GetInstant(5),
            ExpiresAt: reader.GetInstant(6),
            Failures: reader.GetInt32(7));
    }
}
