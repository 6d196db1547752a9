using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Options;
using SupportBot.Dialogs.Verification;

namespace SupportBot.Bot.Accounts;

/// <summary>
/// The demo accounts listed in the README, seeded when the host starts so that the whole recovery path can be
/// tried without the platform's account service. Contact ages are relative to start-up time.
/// </summary>
internal sealed class DemoAccountDirectory : IAccountDirectory
{
    private readonly FrozenDictionary<string, AccountRecord> _byIdentifier;
    private readonly FrozenDictionary<string, AccountRecord> _byId;

    public DemoAccountDirectory(TimeProvider timeProvider, IOptions<DemoDirectoryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        var now = timeProvider.GetUtcNow();
        Accounts = [.. Seed(now), .. Generated(now, options.Value.DemoExtraAccounts)];
        _byId = Accounts.ToFrozenDictionary(account => account.AccountId, StringComparer.Ordinal);
        var byIdentifier = new Dictionary<string, AccountRecord>(StringComparer.Ordinal);
        foreach (var account in Accounts)
        {
            byIdentifier.TryAdd(account.Username, account);
            foreach (var contact in account.Contacts)
            {
                byIdentifier.TryAdd(IdentifierNormalizer.Normalize(contact.Address), account);
            }
        }

        _byIdentifier = byIdentifier.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyList<AccountRecord> Accounts { get; }

    public Task<AccountRecord?> FindAsync(string identifier, CancellationToken cancellationToken) =>
        Task.FromResult(_byIdentifier.GetValueOrDefault(IdentifierNormalizer.Normalize(identifier)));

    public Task<AccountRecord?> FindByIdAsync(string accountId, CancellationToken cancellationToken) =>
        Task.FromResult(_byId.GetValueOrDefault(accountId));

    private static AccountRecord[] Seed(DateTimeOffset now)
    {
        var years = now.AddYears(-3);
        return
        [
            new("acc-maria", "maria", AccountStatus.Active, MfaEnabled: false,
            [
                new("c-maria-email", ContactKind.Email, "maria@example.com", years, null, "signup"),
                new("c-maria-phone", ContactKind.Phone, "+1 555 0100", years, null, "settings"),
            ]),
            new("acc-sam", "sam", AccountStatus.Active, MfaEnabled: false,
            [
                new("c-sam-old-email", ContactKind.Email, "sam.old@example.com", years, now.AddDays(-2), "signup"),
                new("c-sam-new-email", ContactKind.Email, "sam@example.com", now.AddDays(-2), null, "settings, new device"),
                new("c-sam-phone", ContactKind.Phone, "+44 7700 900123", years, null, "settings"),
            ]),
            new("acc-ade", "ade", AccountStatus.Active, MfaEnabled: true,
            [
                new("c-ade-email", ContactKind.Email, "ade@example.com", years, null, "signup"),
                new("c-ade-phone", ContactKind.Phone, "+234 802 555 0199", years, null, "settings"),
            ]),
            new("acc-locked", "locked", AccountStatus.Locked, MfaEnabled: false,
            [
                new("c-locked-email", ContactKind.Email, "locked@example.com", years, null, "signup"),
            ]),
            new("acc-disabled", "disabled", AccountStatus.Disabled, MfaEnabled: false,
            [
                new("c-disabled-email", ContactKind.Email, "disabled@example.com", years, null, "signup"),
            ]),
        ];
    }

    private static IEnumerable<AccountRecord> Generated(DateTimeOffset now, int count) =>
        Enumerable.Range(1, count).Select(n =>
        {
            var id = n.ToString(CultureInfo.InvariantCulture);
            return new AccountRecord("acc-user" + id, "user" + id, AccountStatus.Active, MfaEnabled: false,
                [new ContactOnFile("c-user" + id, ContactKind.Email, $"user{id}@example.com", now.AddYears(-2), null, "signup")]);
        });
}
