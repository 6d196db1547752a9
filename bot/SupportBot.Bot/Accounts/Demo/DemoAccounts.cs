using System.Globalization;
using SupportBot.Dialogs.Verification;

namespace SupportBot.Bot.Accounts.Demo;

/// <summary>
/// The demo accounts the README lists, one per path worth trying, with ages relative to <c>now</c>. Their saved
/// recovery codes are printed in the README, which is why they are demo data and nothing else.
/// </summary>
internal static class DemoAccounts
{
    /// <summary>An account to seed, with the recovery codes (canonical form) its owner "saved".</summary>
    public sealed record Seed(AccountRecord Account, IReadOnlyList<string> RecoveryCodes);

    public static IReadOnlyList<Seed> All(DateTimeOffset now)
    {
        var years = now.AddYears(-3);
        return
        [
            new(new AccountRecord("acc-maria", "maria", AccountStatus.Active, MfaEnabled: false,
            [
                new("c-maria-email", ContactKind.Email, "maria@example.com", years, null, "signup"),
                new("c-maria-phone", ContactKind.Phone, "+1 555 0100", years, null, "settings"),
            ]), []),
            new(new AccountRecord("acc-sam", "sam", AccountStatus.Active, MfaEnabled: false,
            [
                new("c-sam-old-email", ContactKind.Email, "sam.old@example.com", years, now.AddDays(-2), "signup"),
                new("c-sam-new-email", ContactKind.Email, "sam@example.com", now.AddDays(-2), null, "settings")
                    { SourceIp = "203.0.113.77", SourceDevice = "new device: Android, unrecognised" },
                new("c-sam-phone", ContactKind.Phone, "+44 7700 900123", years, null, "settings"),
            ])
            {
                SecurityEvents =
                [
                    new(SecurityEventKind.EmailChanged, now.AddDays(-2)),
                    new(SecurityEventKind.PasswordChanged, now.AddDays(-2)),
                    new(SecurityEventKind.NewCountry, now.AddDays(-2), "RO"),
                    new(SecurityEventKind.NewDevice, now.AddDays(-2), "Android"),
                ],
            }, []),
            new(new AccountRecord("acc-ade", "ade", AccountStatus.Active, MfaEnabled: true,
            [
                new("c-ade-email", ContactKind.Email, "ade@example.com", years, null, "signup"),
                new("c-ade-phone", ContactKind.Phone, "+234 802 555 0199", years, null, "settings"),
            ]), ["7KQM4XPD9RTAWB2F", "HN3V8CZE2MWQ6TJR"]),
            new(new AccountRecord("acc-kim", "kim", AccountStatus.Active, MfaEnabled: true,
            [
                new("c-kim-email", ContactKind.Email, "kim@example.com", years, null, "signup"),
                new("c-kim-phone", ContactKind.Phone, "+1 555 0142", years, null, "settings"),
            ])
            {
                SecurityEvents = [new(SecurityEventKind.SimChanged, now.AddDays(-1), "carrier report")],
            }, ["R2D4K8PMX6QW3HVT", "9FJB5NCY7GKE4AMS"]),
            new(new AccountRecord("acc-locked", "locked", AccountStatus.Locked, MfaEnabled: false,
            [
                new("c-locked-email", ContactKind.Email, "locked@example.com", years, null, "signup"),
            ]), []),
            new(new AccountRecord("acc-disabled", "disabled", AccountStatus.Disabled, MfaEnabled: false,
            [
                new("c-disabled-email", ContactKind.Email, "disabled@example.com", years, null, "signup"),
            ]), []),
        ];
    }

    /// <summary>
    /// Generated load-test accounts <c>user1@example.com</c> … <c>userN@example.com</c> (email on file for years, no MFA),
    /// computed instead of stored so that a bench of a million users costs no seeding.
    /// </summary>
    public static AccountRecord? Generated(string normalizedIdentifierOrId, int count, DateTimeOffset anchor)
    {
        var value = normalizedIdentifierOrId;
        var digits = value.StartsWith("acc-user", StringComparison.Ordinal) ? value["acc-user".Length..]
            : value.StartsWith("user", StringComparison.Ordinal) && value.EndsWith("@example.com", StringComparison.Ordinal) ? value["user".Length..^"@example.com".Length]
            : value.StartsWith("user", StringComparison.Ordinal) ? value["user".Length..]
            : null;
        if (digits is null || digits.Length is 0 or > 9 || !digits.All(char.IsAsciiDigit) || digits[0] == '0'
            || int.Parse(digits, CultureInfo.InvariantCulture) is var n && n > count)
        {
            return null;
        }

        return new AccountRecord("acc-user" + digits, "user" + digits, AccountStatus.Active, MfaEnabled: false,
            [new ContactOnFile("c-user" + digits, ContactKind.Email, $"user{digits}@example.com", anchor.AddYears(-2), null, "signup")]);
    }
}
