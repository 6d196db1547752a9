using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Accounts;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Dialogs.Verification;
using Xunit;

namespace SupportBot.Bot.Tests.Accounts;

/// <summary>The demo directory in SQLite: the README's accounts, their histories, and what survives a restart.</summary>
public sealed class DemoDirectoryTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("supportbot-demo-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    [Theory]
    [InlineData("sam@example.com")]
    [InlineData("SAM.OLD@example.com")]
    [InlineData("+44 7700 900123")]
    [InlineData("@sam")]
    public async Task Sam_IsFoundByEveryIdentifier_WithHisContactHistory(string identifier)
    {
        using var app = App();
        var directory = app.Services.GetRequiredService<IAccountDirectory>();

        var sam = await directory.FindAsync(identifier, Ct);

        Assert.NotNull(sam);
        Assert.Equal("acc-sam", sam.AccountId);
        var now = app.Clock.GetUtcNow();
        var eligible = RecoveryContactPolicy.Eligible(sam.Contacts, ContactKind.Email, now, TimeSpan.FromDays(7));
        Assert.Equal("sam.old@example.com", Assert.Single(eligible).Address);
        var added = Assert.Single(sam.Contacts, contact => contact.Address == "sam@example.com");
        Assert.Equal(now.AddDays(-2), added.AddedAt);
        Assert.Equal("203.0.113.77", added.SourceIp);
        Assert.Contains(sam.SecurityEvents, e => e.Kind == SecurityEventKind.EmailChanged);
    }

    [Fact]
    public async Task TheDocumentedAccounts_HaveTheirStatesAndSignals()
    {
        using var app = App();
        var directory = app.Services.GetRequiredService<IAccountDirectory>();

        Assert.Equal(AccountStatus.Locked, (await directory.FindAsync("locked@example.com", Ct))?.Status);
        Assert.Equal(AccountStatus.Disabled, (await directory.FindAsync("disabled@example.com", Ct))?.Status);
        var ade = await directory.FindAsync("ade@example.com", Ct);
        Assert.True(ade is { MfaEnabled: true, HasRecoveryCodes: true });
        var kim = await directory.FindAsync("+1 555 0142", Ct);
        Assert.Contains(kim!.SecurityEvents, e => e.Kind == SecurityEventKind.SimChanged);
        Assert.Null(await directory.FindAsync("nobody@example.com", Ct));
    }

    [Fact]
    public async Task ARestart_KeepsSpentCodesSpent_AndTheDemoAgesRelative()
    {
        using (var first = App())
        {
            var directory = first.Services.GetRequiredService<IAccountDirectory>();
            Assert.True(await directory.RedeemRecoveryCodeAsync("acc-ade", "7KQM4XPD9RTAWB2F", first.Clock.GetUtcNow(), Ct));
            Assert.False(await directory.RedeemRecoveryCodeAsync("acc-ade", "7KQM4XPD9RTAWB2F", first.Clock.GetUtcNow(), Ct));
        }

        using var second = App();
        second.Clock.Advance(TimeSpan.FromDays(30));
        var restarted = second.Services.GetRequiredService<IAccountDirectory>();

        Assert.False(await restarted.RedeemRecoveryCodeAsync("acc-ade", "7KQM4XPD9RTAWB2F", second.Clock.GetUtcNow(), Ct));
        Assert.True(await restarted.RedeemRecoveryCodeAsync("acc-ade", "HN3V8CZE2MWQ6TJR", second.Clock.GetUtcNow(), Ct));
        var sam = await restarted.FindAsync("sam@example.com", Ct);
        Assert.Equal(second.Clock.GetUtcNow().AddDays(-2), sam!.Contacts.Single(contact => contact.Address == "sam@example.com").AddedAt);
    }

    [Fact]
    public async Task AnotherAccountsCode_OrAMistypedOne_IsNotAccepted()
    {
        using var app = App();
        var directory = app.Services.GetRequiredService<IAccountDirectory>();

        Assert.False(await directory.RedeemRecoveryCodeAsync("acc-kim", "7KQM4XPD9RTAWB2F", app.Clock.GetUtcNow(), Ct));
        Assert.False(await directory.RedeemRecoveryCodeAsync("acc-ade", "7KQM4XPD9RTAWB2G", app.Clock.GetUtcNow(), Ct));
        Assert.False(await directory.RedeemRecoveryCodeAsync("anon:123", "", app.Clock.GetUtcNow(), Ct));
    }

    private BotApplication App()
    {
        var app = new BotApplication(settings: new() { ["Data:Directory"] = _data.FullName });
        _ = app.CreateClient();
        return app;
    }
}
