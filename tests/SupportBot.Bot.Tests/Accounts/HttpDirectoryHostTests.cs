using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Verification;
using Xunit;

namespace SupportBot.Bot.Tests.Accounts;

/// <summary>The bot on the HTTP account directory (Directory:Demo=false): neutral when the service fails, caps per destination.</summary>
public sealed class HttpDirectoryHostTests : IAsyncLifetime
{
    private const string SharedPhoneAccounts =
        """
        { "accountId": "acc-a", "username": "alpha", "status": "active", "mfaEnabled": false,
          "contacts": [ { "contactId": "a-phone", "kind": "phone", "address": "+1 555 0177", "addedAt": "2020-01-01T00:00:00Z" } ] }
        """;

    private AccountServiceStub _stub = null!;
    private BotApplication _app = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _stub = await AccountServiceStub.StartAsync();
        _stub.Add(HttpAccountDirectoryTests.SamJson);
        _stub.Add(SharedPhoneAccounts);
        _stub.Add(SharedPhoneAccounts.Replace("acc-a", "acc-b", StringComparison.Ordinal).Replace("alpha", "bravo", StringComparison.Ordinal)
            .Replace("a-phone", "b-phone", StringComparison.Ordinal));
        _app = new BotApplication(settings: new()
        {
            ["Directory:Demo"] = "false",
            ["Directory:Http:BaseAddress"] = _stub.BaseUrl,
            ["Directory:Http:ApiKey"] = AccountServiceStub.ApiKey,
            ["Directory:Http:AttemptTimeout"] = "00:00:00.500",
            ["Directory:Http:TotalTimeout"] = "00:00:01.500",
            ["Directory:Http:RetryDelay"] = "00:00:00.010",
        });
        _http = _app.CreateClient();
        await RunAsync("warm-up", "warm@example.com");
    }

    public async ValueTask DisposeAsync()
    {
        _app.Dispose();
        await _stub.DisposeAsync();
    }

    [Theory]
    [InlineData(StubMode.ServerError)]
    [InlineData(StubMode.Slow)]
    [InlineData(StubMode.MalformedJson)]
    [InlineData(StubMode.WrongShape)]
    public async Task ADirectoryFailure_GetsTheSameNeutralRepliesAsAnUnknownAccount(StubMode failure)
    {
        var unknown = await RunAsync("neutral-unknown-" + failure, "nobody-" + failure + "@example.com");

        _stub.Mode = failure;
        var failing = await RunAsync("neutral-failing-" + failure, "sam@example.com");

        Assert.Equal(unknown, failing);
        Assert.DoesNotContain("went wrong", failing, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("If an account matches", failing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnePhoneBehindTwoAccounts_IsCappedAsOneDestination()
    {
        for (var n = 0; n < 3; n++)
        {
            var texts = await RunAsync("shared-a-" + n, "@alpha", method: "method:sms");
            Assert.Contains("we've sent", texts, StringComparison.Ordinal);
        }

        // bravo has had no code at all, but its phone has had three this hour.
        var bravo = await RunAsync("shared-b", "@bravo", method: "method:sms");
        Assert.Contains("Too many codes", bravo, StringComparison.Ordinal);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_app.DataDirectory, "supportbot.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM owner_notices WHERE account_id = 'acc-b' AND reason = 'send_cap_reached'";
        Assert.Equal(1L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(null, "Directory:Http:BaseAddress")]
    [InlineData("ftp://accounts.invalid/", "Directory:Http:BaseAddress")]
    public void WithoutTheDemo_AnHttpBaseAddressIsRequiredAtStartUp(string? baseAddress, string named)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Directory:Demo"] = "false", ["Directory:Http:BaseAddress"] = baseAddress })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddVerificationPolicy(configuration, Path.GetTempPath());
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(named, string.Join(" ", exception.Failures), StringComparison.Ordinal);
    }

    private async Task<string> RunAsync(string conversationId, string identifier, string method = "method:email")
    {
        var user = new ExpectRepliesClient(_http, conversationId);
        var transcript = new List<string>();
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync(identifier);
        transcript.Add(Describe(user));
        await user.PressAsync(method);
        transcript.Add(Describe(user));
        await user.SubmitCodeAsync("12345678");
        transcript.Add(Describe(user));
        return string.Join("\n", transcript);
    }

    private static string Describe(ExpectRepliesClient user) =>
        $"{user.LastReplies.Count} replies: {user.LastText} | buttons: {string.Join(",", user.LastButtonTitles)} | code box: {user.LastCodeBox?.GetRawText()}";
}
