using SupportBot.Bot.Storage.Sqlite;

namespace SupportBot.Bot.Accounts.Demo;

/// <summary>Writes the demo accounts into SQLite once, and keeps their ages relative on every later start.</summary>
internal static class DemoDirectorySeeder
{
    private const string AnchorSql = "SELECT anchored_at FROM demo_directory_anchor WHERE only_row = 1;";

    private const string ShiftSql =
        """
        UPDATE demo_contacts SET added_at = added_at + $shift, removed_at = removed_at + $shift;
        UPDATE demo_security_events SET at = at + $shift;
        UPDATE demo_recovery_codes SET used_at = used_at + $shift WHERE used_at IS NOT NULL;
        INSERT INTO demo_directory_anchor (only_row, anchored_at) VALUES (1, $now)
        ON CONFLICT (only_row) DO UPDATE SET anchored_at = excluded.anchored_at;
        """;

    private const string AccountExistsSql = "SELECT COUNT(*) FROM demo_accounts WHERE account_id = $account_id;";

    private const string InsertAccountSql =
        "INSERT INTO demo_accounts (account_id, username, status, mfa) VALUES ($account_id, $username, $status, $mfa);";

    private const string InsertContactSql =
        """
        INSERT INTO demo_contacts (contact_id, account_id, kind, address, normalized, added_at, removed_at, source, source_ip, source_device)
        VALUES ($contact_id, $account_id, $kind, $address, $normalized, $added_at, $removed_at, $source, $source_ip, $source_device);
        """;

    private const string InsertEventSql =
        "INSERT INTO demo_security_events (account_id, kind, at, detail) VALUES ($account_id, $kind, $at, $detail);";

    private const string InsertCodeSql =
        "INSERT INTO demo_recovery_codes (code_id, account_id, salt, hash, used_at) VALUES ($code_id, $account_id, $salt, $hash, NULL);";

    /// <summary>Seeds missing demo accounts and re-anchors the existing ones at <paramref name="now"/>; returns the anchor.</summary>
    public static async Task<DateTimeOffset> SeedAsync(SqliteDatabase database, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Hashing happens outside the single writer, which must not wait for PBKDF2.
        var seeds = DemoAccounts.All(now)
            .Select(seed => (seed.Account, Codes: seed.RecoveryCodes.Select(code => RecoveryCodeHasher.Hash(code)).ToArray()))
            .ToArray();
        await database.WriteAsync(
            "seeding the demo account directory",
            (seeds, now),
            static async (session, state, token) =>
            {
                var anchored = await session.Command(AnchorSql).ExecuteScalarAsync(token);
                var shift = anchored is long ticks ? state.now.UtcTicks - ticks : 0L;
                await session.Command(ShiftSql).Bind("$shift", shift).Bind("$now", state.now).ExecuteNonQueryAsync(token);
                foreach (var (account, codes) in state.seeds)
                {
                    var exists = (long)(await session.Command(AccountExistsSql).Bind("$account_id", account.AccountId).ExecuteScalarAsync(token))! > 0;
                    if (!exists)
                    {
                        await InsertAsync(session, account, codes, token);
                    }
                }

                return 0;
            },
            cancellationToken);
        return now;
    }

    private static async Task InsertAsync(SqliteSession session, AccountRecord account, (byte[] Salt, byte[] Hash)[] codes, CancellationToken token)
    {
        await session.Command(InsertAccountSql)
            .Bind("$account_id", account.AccountId)
            .Bind("$username", account.Username)
            .Bind("$status", account.Status.ToString())
            .Bind("$mfa", account.MfaEnabled ? 1L : 0L)
            .ExecuteNonQueryAsync(token);
        foreach (var contact in account.Contacts)
        {
            await session.Command(InsertContactSql)
                .Bind("$contact_id", contact.ContactId)
                .Bind("$account_id", account.AccountId)
                .Bind("$kind", contact.Kind.ToString())
                .Bind("$address", contact.Address)
                .Bind("$normalized", IdentifierNormalizer.Normalize(contact.Address))
                .Bind("$added_at", contact.AddedAt)
                .Bind("$removed_at", contact.RemovedAt)
                .Bind("$source", contact.Source)
                .Bind("$source_ip", contact.SourceIp)
                .Bind("$source_device", contact.SourceDevice)
                .ExecuteNonQueryAsync(token);
        }

        foreach (var securityEvent in account.SecurityEvents)
        {
            await session.Command(InsertEventSql)
                .Bind("$account_id", account.AccountId)
                .Bind("$kind", securityEvent.Kind.ToString())
                .Bind("$at", securityEvent.At)
                .Bind("$detail", securityEvent.Detail)
                .ExecuteNonQueryAsync(token);
        }

        for (var i = 0; i < codes.Length; i++)
        {
            await session.Command(InsertCodeSql)
                .Bind("$code_id", $"{account.AccountId}-rc{i + 1}")
                .Bind("$account_id", account.AccountId)
                .Bind("$salt", codes[i].Salt)
                .Bind("$hash", codes[i].Hash)
                .ExecuteNonQueryAsync(token);
        }
    }
}
