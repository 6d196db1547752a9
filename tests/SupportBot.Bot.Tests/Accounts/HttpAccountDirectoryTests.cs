using System.Diagnostics;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Accounts;
using SupportBot.Bot.Accounts.Http;
using SupportBot.Dialogs.Verification;
using Xunit;

namespace SupportBot.Bot.Tests.Accounts;

/// <summary>The HTTP adapter against a stub that speaks docs/account-directory.openapi.json, including its failures.</summary>
public sealed class HttpAccountDirectoryTests : IAsyncLifetime
{
    internal const string SamJson =
        """
        {
          "accountId": "acc-sam", "username": "sam", "status": "active", "mfaEnabled": true, "hasRecoveryCodes": true,
          "contacts": [
            { "contactId": "c1", "kind": "email", "address": "sam.old@example.com", "addedAt": "2023-01-01T00:00:00Z",
              "removedAt": "2026-11-20T10:00:00Z", "source": "signup" },
            { "contactId": "c2", "kind": "email", "address": "sam@example.com", "addedAt": "2026-11-20T10:00:00Z",
              "removedAt": null, "source": "settings", "sourceIp": "203.0.113.77", "sourceDevice": "Android" },
            { "contactId": "c3", "kind": "phone", "address": "+44 7700 900123", "addedAt": "2023-01-01T00:00:00Z", "source": "settings" }
          ],
          "securityEvents": [
            { "kind": "email_changed", "at": "2026-11-20T10:00:00Z" },
            { "kind": "sim_changed", "at": "2026-11-21T08:00:00Z", "detail": "carrier report" }
          ],
          "someFieldAddedLater": 1
        }
        """;

    private AccountServiceStub _stub = null!;
    private HttpAccountDirectory _directory = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _stub = await AccountServiceStub.StartAsync();
        _stub.Add(SamJson, "R2D4K8PMX6QW3HVT");
        _directory = Create(_stub.BaseUrl);

        // A cold server's first answer can outlast the short test timeouts: warm it, then count from zero.
        using var warm = new HttpClient();
        using var _ = await warm.GetAsync(_stub.BaseUrl + "v1/accounts/acc-none", Ct);
        _stub.ResetRequests();
    }

    public async ValueTask DisposeAsync()
    {
        _directory.Dispose();
        await _stub.DisposeAsync();
    }

    [Theory]
    [InlineData("Sam@Example.com ")]
    [InlineData("+44 7700 900123")]
    [InlineData("@sam")]
    [InlineData("sam.old@example.com")]
    public async Task FindAsync_ByEmailPhoneUsernameOrOldContact_ReadsTheWholeRecord(string identifier)
    {
        var account = await _directory.FindAsync(identifier, Ct);

        Assert.NotNull(account);
        Assert.Equal("acc-sam", account.AccountId);
        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.True(account.MfaEnabled);
        Assert.True(account.HasRecoveryCodes);
        Assert.Equal(3, account.Contacts.Count);
        var old = account.Contacts[0];
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), old.RemovedAt);
        Assert.Equal("203.0.113.77", account.Contacts[1].SourceIp);
        Assert.Equal(ContactKind.Phone, account.Contacts[2].Kind);
        Assert.Equal([SecurityEventKind.SimChanged, SecurityEventKind.EmailChanged], account.SecurityEvents.Select(e => e.Kind));
        Assert.Contains(IdentifierNormalizer.Normalize(identifier), _stub.SeenQueries);
    }

    [Fact]
    public async Task UnknownAccount_IsNull()
    {
        Assert.Null(await _directory.FindAsync("nobody@example.com", Ct));
        Assert.Null(await _directory.FindByIdAsync("acc-nobody", Ct));
        Assert.False(await _directory.RedeemRecoveryCodeAsync("acc-nobody", "R2D4K8PMX6QW3HVT", DateTimeOffset.UnixEpoch, Ct));
    }

    [Fact]
    public async Task Redeem_IsSingleUse_AndARetryAfterALostAnswerSpendsNothingMore()
    {
        _stub.Mode = StubMode.FailFirst;
        _stub.FailuresLeft = 1;

        Assert.True(await _directory.RedeemRecoveryCodeAsync("acc-sam", "R2D4K8PMX6QW3HVT", DateTimeOffset.UnixEpoch, Ct));

        var keys = _stub.SeenIdempotencyKeys.ToArray();
        Assert.Equal(2, keys.Length);
        Assert.Equal(keys[0], keys[1]);
        _stub.Mode = StubMode.Normal;
        Assert.False(await _directory.RedeemRecoveryCodeAsync("acc-sam", "R2D4K8PMX6QW3HVT", DateTimeOffset.UnixEpoch, Ct));
    }

    [Fact]
    public async Task TransientFailures_AreRetried()
    {
        _stub.Mode = StubMode.FailFirst;
        _stub.FailuresLeft = 2;

        var account = await _directory.FindByIdAsync("acc-sam", Ct);

        Assert.Equal("sam", account?.Username);
        Assert.Equal(3, _stub.Requests);
    }

    [Theory]
    [InlineData(StubMode.ServerError, 3)]
    [InlineData(StubMode.MalformedJson, 1)]
    [InlineData(StubMode.WrongShape, 1)]
    [InlineData(StubMode.Html, 1)]
    public async Task Failures_SurfaceAsUnavailable_AfterTheRetriesTheyDeserve(StubMode mode, int attempts)
    {
        _stub.Mode = mode;

        await Assert.ThrowsAsync<AccountDirectoryUnavailableException>(() => _directory.FindAsync("sam@example.com", Ct));
        Assert.Equal(attempts, _stub.Requests);
    }

    [Fact]
    public async Task ASlowService_TimesOutWithinTheTotalTimeout()
    {
        _stub.Mode = StubMode.Slow;
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<AccountDirectoryUnavailableException>(() => _directory.FindAsync("sam@example.com", Ct));

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2.9));
    }

    [Fact]
    public async Task AWrongApiKey_IsUnavailable_NotAMissingAccount()
    {
        using var directory = Create(_stub.BaseUrl, apiKey: "wrong-key");

        await Assert.ThrowsAsync<AccountDirectoryUnavailableException>(() => directory.FindAsync("sam@example.com", Ct));
    }

    [Fact]
    public async Task AnUnreachableService_IsUnavailable()
    {
        using var directory = Create("http://account-service.invalid/");

        await Assert.ThrowsAsync<AccountDirectoryUnavailableException>(() => directory.FindAsync("sam@example.com", Ct));
    }

    internal static HttpAccountDirectory Create(string baseUrl, string apiKey = AccountServiceStub.ApiKey) =>
        new(Options.Create(new HttpAccountDirectoryOptions
        {
            BaseAddress = new Uri(baseUrl),
            ApiKey = apiKey,
            AttemptTimeout = TimeSpan.FromMilliseconds(500),
            TotalTimeout = TimeSpan.FromSeconds(1.5),
            Retries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        }), TimeProvider.System);
}
