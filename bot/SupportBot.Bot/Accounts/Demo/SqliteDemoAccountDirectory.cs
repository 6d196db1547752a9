using Microsoft.Extensions.Options;
using SupportBot.Bot.Storage.Sqlite;
using SupportBot.Dialogs.Verification;

namespace SupportBot.Bot.Accounts.Demo;

/// <summary>
/// The demo account directory, kept in the bot's SQLite file (tables <c>demo_*</c>) so that a spent recovery code
/// stays spent across restarts. Seeded with <see cref="DemoAccounts"/> on first use; on later starts the demo's
/// timestamps move forward by the time that passed, so "changed 2 days ago" stays two days ago.
/// </summary>
/// <remarks>
/// Every lookup runs the same statements whether or not the identifier matches (a miss loads the empty account
/// id), and every redemption hashes against <see cref="MaxRecoveryCodes"/> codes, real or dummy, so the time taken
/// says nothing about whether an account exists (docs/security.md D2).
/// </remarks>
internal sealed class SqliteDemoAccountDirectory(SqliteDatabase database, TimeProvider timeProvider, IOptions<DemoDirectoryOptions> options) : IAccountDirectory
{
    /// <summary>Recovery codes compared per redemption, padded with dummies.</summary>
    public const int MaxRecoveryCodes = 10;

    private const string FindSql =
        """
        SELECT account_id FROM demo_contacts WHERE normalized = $identifier
        UNION ALL
        SELECT account_id FROM demo_accounts WHERE username = $identifier
        LIMIT 1;
        """;

    private const string AccountSql = "SELECT username, status, mfa FROM demo_accounts WHERE account_id = $account_id;";

    private const string ContactsSql =
        """
        SELECT contact_id, kind, address, added_at, removed_at, source, source_ip, source_device
        FROM demo_contacts WHERE account_id = $account_id ORDER BY added_at, contact_id;
        """;

    private const string EventsSql = "SELECT kind, at, detail FROM demo_security_events WHERE account_id = $account_id ORDER BY at DESC;";

    private const string UnusedCodesSql = "SELECT code_id, salt, hash FROM demo_recovery_codes WHERE account_id = $account_id AND used_at IS NULL;";

    private const string SpendCodeSql = "UPDATE demo_recovery_codes SET used_at = $at WHERE code_id = $code_id AND used_at IS NULL;";

    private const string LatestSpentSql =
        "SELECT code_id, replaced_by FROM demo_recovery_codes WHERE account_id = $account_id AND used_at IS NOT NULL ORDER BY used_at DESC LIMIT 1;";

    private const string InsertReplacementSql =
        "INSERT INTO demo_recovery_codes (code_id, account_id, salt, hash, used_at, issued_at) VALUES ($code_id, $account_id, $salt, $hash, NULL, $at);";

    private const string MarkReplacedSql = "UPDATE demo_recovery_codes SET replaced_by = $replaced_by WHERE code_id = $code_id;";

    private const string RevokeSessionsSql =
        "INSERT INTO demo_session_revocations (account_id, revoked_at) SELECT account_id, $at FROM demo_accounts WHERE account_id = $account_id;";

    private static readonly byte[] s_dummySalt = new byte[16];
    private static readonly byte[] s_dummyHash = new byte[32];

    private readonly SemaphoreSlim _seedGate = new(1, 1);
    private readonly int _extraAccounts = options.Value.DemoExtraAccounts;
    private volatile bool _seeded;
    private DateTimeOffset _anchor;

    public async Task<AccountRecord?> FindAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        await EnsureSeededAsync(cancellationToken);
        var normalized = IdentifierNormalizer.Normalize(identifier);
        var found = await database.ReadAsync(
            "finding a demo account",
            normalized,
            static async (session, normalized, token) =>
            {
                var id = await session.Command(FindSql).Bind("$identifier", normalized).ExecuteScalarAsync(token) as string;
                return await LoadAsync(session, id ?? string.Empty, token);
            },
            cancellationToken);
        return found ?? DemoAccounts.Generated(normalized, _extraAccounts, _anchor);
    }

    public async Task<AccountRecord?> FindByIdAsync(string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        await EnsureSeededAsync(cancellationToken);
        var found = await database.ReadAsync("reading a demo account", accountId, static (session, id, token) => LoadAsync(session, id, token), cancellationToken);
        return found ?? DemoAccounts.Generated(accountId, _extraAccounts, _anchor);
    }

    public async Task<bool> RedeemRecoveryCodeAsync(string accountId, string code, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(code);
        await EnsureSeededAsync(cancellationToken);
        var canonical = RecoveryCodeFormat.Normalize(code) ?? string.Empty;
        var unused = await database.ReadAsync(
            "reading saved recovery codes",
            accountId,
            static async (session, id, token) =>
            {
                var codes = new List<(string Id, byte[] Salt, byte[] Hash)>();
                await using var reader = await session.Command(UnusedCodesSql).Bind("$account_id", id).ExecuteReaderAsync(token);
                while (await reader.ReadAsync(token))
                {
                    codes.Add((reader.GetString(0), reader.GetBlob(1), reader.GetBlob(2)));
                }

                return codes;
            },
            cancellationToken);

        // The same number of hashes for every account and every answer; the match is remembered, not returned early.
        string? matched = null;
        for (var i = 0; i < MaxRecoveryCodes; i++)
        {
            var (id, salt, hash) = i < unused.Count ? unused[i] : (null, s_dummySalt, s_dummyHash);
            if (RecoveryCodeHasher.Matches(salt, hash, canonical) && id is not null && canonical.Length > 0)
            {
                matched ??= id;
            }
        }

        if (matched is null)
        {
            return false;
        }

        // Single use even under a race: only the update that finds it unused wins.
        var spent = await database.WriteAsync(
            "spending a saved recovery code",
            (matched, at),
            static async (session, state, token) =>
                await session.Command(SpendCodeSql).Bind("$code_id", state.matched).Bind("$at", state.at).ExecuteNonQueryAsync(token),
            cancellationToken);
        return spent == 1;
    }

    /// <summary>
    /// The demo platform replaces the account's most recently spent code (once: a retry finds it replaced). The new
    /// code is hashed and its text dropped: a real platform would show it inside the signed-in session.
    /// </summary>
    public async Task<bool> ReissueRecoveryCodeAsync(string accountId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        await EnsureSeededAsync(cancellationToken);
        var (salt, hash) = RecoveryCodeHasher.Hash(RecoveryCodeFormat.Normalize(RecoveryCodeHasher.NewCode())!);
        return await database.WriteAsync(
            "replacing a spent recovery code",
            (accountId, at, salt, hash),
            static async (session, state, token) =>
            {
                string? spentId = null;
                string? replacedBy = null;
                await using (var reader = await session.Command(LatestSpentSql).Bind("$account_id", state.accountId).ExecuteReaderAsync(token))
                {
                    if (await reader.ReadAsync(token))
                    {
                        spentId = reader.GetString(0);
                        replacedBy = reader.GetNullableString(1);
                    }
                }

                if (spentId is null)
                {
                    return false;
                }

                if (replacedBy is not null)
                {
                    return true;
                }

                var newId = Guid.NewGuid().ToString("N");
                await session.Command(InsertReplacementSql)
                    .Bind("$code_id", newId).Bind("$account_id", state.accountId).Bind("$salt", state.salt).Bind("$hash", state.hash).Bind("$at", state.at)
                    .ExecuteNonQueryAsync(token);
                await session.Command(MarkReplacedSql).Bind("$code_id", spentId).Bind("$replaced_by", newId).ExecuteNonQueryAsync(token);
                return true;
            },
            cancellationToken);
    }

    /// <summary>The demo platform records the revocation; it has no sessions of its own to end.</summary>
    public async Task<bool> RevokeSessionsAsync(string accountId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        await EnsureSeededAsync(cancellationToken);
        return await database.WriteAsync(
            "revoking an account's sessions",
            (accountId, at),
            static async (session, state, token) =>
                await session.Command(RevokeSessionsSql).Bind("$account_id", state.accountId).Bind("$at", state.at).ExecuteNonQueryAsync(token) == 1,
            cancellationToken);
    }

    private static async Task<AccountRecord?> LoadAsync(SqliteSession session, string accountId, CancellationToken cancellationToken)
    {
        string? username = null;
        var status = AccountStatus.Active;
        var mfa = false;
        await using (var reader = await session.Command(AccountSql).Bind("$account_id", accountId).ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                username = reader.GetString(0);
                status = Enum.Parse<AccountStatus>(reader.GetString(1));
                mfa = reader.GetInt64(2) != 0;
            }
        }

        var contacts = new List<ContactOnFile>();
        await using (var reader = await session.Command(ContactsSql).Bind("$account_id", accountId).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                contacts.Add(new ContactOnFile(
                    reader.GetString(0), Enum.Parse<ContactKind>(reader.GetString(1)), reader.GetString(2),
                    reader.GetInstant(3), reader.GetNullableInstant(4), reader.GetString(5))
                {
                    SourceIp = reader.GetNullableString(6),
                    SourceDevice = reader.GetNullableString(7),
                });
            }
        }

        var events = new List<SecurityEvent>();
        await using (var reader = await session.Command(EventsSql).Bind("$account_id", accountId).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                events.Add(new SecurityEvent(Enum.Parse<SecurityEventKind>(reader.GetString(0)), reader.GetInstant(1), reader.GetNullableString(2)));
            }
        }

        var codes = 0;
        await using (var reader = await session.Command(UnusedCodesSql).Bind("$account_id", accountId).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                codes++;
            }
        }

        return username is null
            ? null
            : new AccountRecord(accountId, username, status, mfa, contacts) { HasRecoveryCodes = codes > 0, SecurityEvents = events };
    }

    private async Task EnsureSeededAsync(CancellationToken cancellationToken)
    {
        if (_seeded)
        {
            return;
        }

        await _seedGate.WaitAsync(cancellationToken);
        try
        {
            if (!_seeded)
            {
                _anchor = await DemoDirectorySeeder.SeedAsync(database, timeProvider.GetUtcNow(), cancellationToken);
                _seeded = true;
            }
        }
        finally
        {
            _seedGate.Release();
        }
    }
}
