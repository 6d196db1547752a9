using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SupportBot.Bot.Accounts.Http;
using SupportBot.Bot.Tests.Accounts;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Privacy;

/// <summary>
/// security.md B2: using a saved recovery code leads to a replacement, issued by the platform and shown only in the
/// owner's signed-in session (never in chat), and the owner's notice says so.
/// </summary>
public sealed partial class RecoveryCodeReissueTests
{
    private const string SamJson =
        """
        { "accountId": "acc-sam", "username": "sam", "status": "active", "mfaEnabled": true, "hasRecoveryCodes": true,
          "contacts": [ { "contactId": "c1", "kind": "email", "address": "sam@example.com", "addedAt": "2023-01-01T00:00:00Z", "source": "signup" } ],
          "securityEvents": [] }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoDirectory_SpentCodeIsReplaced_NoticeSaysSo_AndNoNewCodeIsShownInChat()
    {
        using var app = new BotApplication();
        var http = app.CreateClient();
        var user = new ExpectRepliesClient(http, "reissue-ade");
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("ade@example.com");
        await user.PressAsync("method:email");
        await user.SubmitCodeAsync(await DevOutbox.WaitForCodeAsync(http, "ade@example.com"));
        await user.PressAsync("method:recovery-code");
        await user.SubmitCodeAsync("7KQM-4XPD-9RTA-WB2F");

        Assert.Matches(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}", user.LastText);
        Assert.DoesNotMatch(RecoveryCodeShape(), user.LastText);

        // The platform (the demo directory) replaced the spent code: a new unused one, linked from the spent one.
        Assert.Equal(["1"], await QueryAsync(app, "SELECT COUNT(*) FROM demo_recovery_codes WHERE account_id = 'acc-ade' AND issued_at IS NOT NULL AND used_at IS NULL;"));
        Assert.Equal(["1"], await QueryAsync(app, "SELECT COUNT(*) FROM demo_recovery_codes WHERE account_id = 'acc-ade' AND replaced_by IS NOT NULL;"));
        Assert.Contains("""{"issued":true}""", await QueryAsync(app, "SELECT data_json FROM audit_log WHERE type = 'recovery_code_reissued';"));

        // Every contact on file hears that a replacement waits after sign-in; no notice carries a code.
        var notices = await WaitForAsync(http, message => message.GetProperty("to").GetString() == "ade@example.com"
            && message.GetProperty("text").GetString()!.Contains("replacement code", StringComparison.Ordinal));
        var text = notices.GetProperty("text").GetString()!;
        Assert.Contains("only after you sign in", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(RecoveryCodeShape(), text);
    }

    [Fact]
    public async Task HttpDirectory_ReissueAfterRedeem_IsIssuedOnce_EvenWhenTheFirstAnswerIsLost()
    {
        await using var stub = await AccountServiceStub.StartAsync();
        stub.Add(SamJson, "R2D4K8PMX6QW3HVT");
        using var directory = HttpAccountDirectoryTests.Create(stub.BaseUrl);

        Assert.False(await directory.ReissueRecoveryCodeAsync("acc-sam", DateTimeOffset.UnixEpoch, Ct)); // nothing spent yet
        Assert.True(await directory.RedeemRecoveryCodeAsync("acc-sam", "R2D4K8PMX6QW3HVT", DateTimeOffset.UnixEpoch, Ct));

        stub.Mode = StubMode.FailFirst;
        stub.FailuresLeft = 1;
        Assert.True(await directory.ReissueRecoveryCodeAsync("acc-sam", DateTimeOffset.UnixEpoch, Ct));
        stub.Mode = StubMode.Normal;

        Assert.Equal(["acc-sam"], stub.Reissued);
        var keys = stub.SeenIdempotencyKeys.ToArray()[^2..];
        Assert.Equal(keys[0], keys[1]); // the retry carried the same key, so the platform issued one replacement
        Assert.False(await directory.ReissueRecoveryCodeAsync("acc-nobody", DateTimeOffset.UnixEpoch, Ct));
    }

    [Fact]
    public async Task HttpDirectory_RevokeSessions_ReachesThePlatform()
    {
        await using var stub = await AccountServiceStub.StartAsync();
        stub.Add(SamJson);
        using var directory = HttpAccountDirectoryTests.Create(stub.BaseUrl);

        Assert.True(await directory.RevokeSessionsAsync("acc-sam", DateTimeOffset.UnixEpoch, Ct));
        Assert.False(await directory.RevokeSessionsAsync("acc-nobody", DateTimeOffset.UnixEpoch, Ct));
        Assert.Equal(["acc-sam"], stub.Revoked);
    }

    private static async Task<System.Text.Json.JsonElement> WaitForAsync(HttpClient http, Func<System.Text.Json.JsonElement, bool> match)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            if ((await DevOutbox.ReadAsync(http)).FirstOrDefault(match) is { ValueKind: System.Text.Json.JsonValueKind.Object } found)
            {
                return found;
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException("No such message in the dev outbox.");
    }

    private static async Task<List<string>> QueryAsync(BotApplication app, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "supportbot.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    [GeneratedRegex(@"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")]
    private static partial Regex RecoveryCodeShape();
}
