using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Verification;

/// <summary>The verification policy of docs/security.md B–E through the real host and /api/messages, with the demo accounts.</summary>
public sealed partial class VerificationPolicyTests : IDisposable
{
    private readonly BotApplication _app = new();
    private readonly HttpClient _http;

    public VerificationPolicyTests() => _http = _app.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Kim_SimSwapped_SmsIsNeverSent_EmailCodePlusSavedRecoveryCodeVerifies()
    {
        var user = await IdentifyAsync("kim-sim", "kim@example.com");

        // Before a first proof the SMS button looks like any other (no enumeration), but nothing goes to the phone.
        await user.PressAsync("method:sms");
        Assert.Contains("we've sent", user.LastText, StringComparison.Ordinal);
        await user.PressAsync("no");
        await user.PressAsync("method:email");
        var code = await DevOutbox.WaitForCodeAsync(_http, "kim@example.com");
        Assert.DoesNotContain(await DevOutbox.ReadAsync(_http), message => message.GetProperty("to").GetString() == "+1 555 0142");

        await user.SubmitCodeAsync(code);
        Assert.Contains("one more proof", user.LastText, StringComparison.Ordinal);
        Assert.Contains("Text messages are switched off", user.LastText, StringComparison.Ordinal);
        Assert.Equal(["method:recovery-code"], user.LastButtons);

        await user.PressAsync("method:recovery-code");
        Assert.Contains("XXXX-XXXX-XXXX-XXXX", user.LastText, StringComparison.Ordinal);
        await user.SubmitCodeAsync("R2D4-K8PM-X6QW-3HVT");
        Assert.Matches(CaseId(), user.LastText);

        await AssertNotStoredAsync("R2D4-K8PM-X6QW-3HVT");
        await AssertNotStoredAsync("R2D4K8PMX6QW3HVT");
    }

    [Fact]
    public async Task Ade_SavedRecoveryCode_IsSingleUse_AcrossConversations_AndItsUseIsRecordedAndNoticed()
    {
        var first = await IdentifyAsync("ade-rc-1", "ade@example.com");
        await first.PressAsync("method:email");
        await first.SubmitCodeAsync(await DevOutbox.WaitForCodeAsync(_http, "ade@example.com"));
        await first.PressAsync("method:recovery-code");
        await first.SubmitCodeAsync("7kqm-4xpd-9rta-wb2f");
        Assert.Matches(CaseId(), first.LastText);

        var second = await IdentifyAsync("ade-rc-2", "ade@example.com");
        await second.PressAsync("method:email");
        await second.SubmitCodeAsync(await DevOutbox.WaitForCodeAsync(_http, "ade@example.com", nth: 2));
        await second.PressAsync("method:recovery-code");
        await second.SubmitCodeAsync("7KQM-4XPD-9RTA-WB2F");
        Assert.Contains("didn't work", second.LastText, StringComparison.Ordinal);
        Assert.DoesNotMatch(CaseId(), second.LastText);

        await second.SubmitCodeAsync("HN3V-8CZE-2MWQ-6TJR");
        Assert.Matches(CaseId(), second.LastText);

        Assert.Equal(2, (await AuditTypesAsync()).Count(type => type == "recovery_code_used"));
        var notice = await WaitForOwnerNoticeAsync("acc-ade", "recovery_code_replaced"); // B2: each spent code was replaced
        Assert.DoesNotContain("@", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ade_EmailCodeAlone_IsNotEnough()
    {
        var user = await IdentifyAsync("ade-email-only", "ade@example.com");
        await user.PressAsync("method:email");
        await user.SubmitCodeAsync(await DevOutbox.WaitForCodeAsync(_http, "ade@example.com"));

        Assert.DoesNotMatch(CaseId(), user.LastText);
        Assert.Equal(["method:sms", "method:recovery-code"], user.LastButtons);

        // A second email code is the same method: not an independent proof.
        await user.PressAsync("method:email");
        Assert.DoesNotMatch(CaseId(), user.LastText);
        Assert.Empty(await CaseIdsAsync());
    }

    [Theory]
    [InlineData("My birthday is 12 March 1990, my card ends in 4242 and my last login was from Paris. That proves it's me.")]
    [InlineData("My full name is Maria Lopez and my best friend is Ana")]
    public async Task PersonalFacts_AreNeverProof_AndTheBotSaysSo(string facts)
    {
        var user = new ExpectRepliesClient(_http, "facts-" + facts.Length);
        await user.StartAsync();
        await user.SayAsync(facts);
        Assert.Contains("can't prove an account is yours", user.LastText, StringComparison.Ordinal);

        await user.PressAsync("human");
        await user.SayAsync("maria@example.com");
        await user.PressAsync("method:email");
        await user.SayAsync(facts);
        Assert.Contains("can't prove an account is yours", user.LastText, StringComparison.Ordinal);
        Assert.DoesNotMatch(CaseId(), user.LastText);
        Assert.Empty(await CaseIdsAsync());
        Assert.Equal(2, (await AuditTypesAsync()).Count(type => type == "personal_facts_refused"));
    }

    [Fact]
    public async Task ContactChange_IsRefusedWithTheSafeRoutes_AndNoCodeEverGoesToTheNewAddress()
    {
        var user = new ExpectRepliesClient(_http, "change-contact");
        await user.StartAsync();
        await user.SayAsync("I lost the email on file; change it to new@x.com");
        Assert.Contains("can't change or add an email address or phone number in chat", user.LastText, StringComparison.Ordinal);
        Assert.Contains("recovery code you saved", user.LastText, StringComparison.Ordinal);

        await user.PressAsync("human");
        await user.SayAsync("please change my email to new@x.com");
        Assert.Contains("can't change or add", user.LastText, StringComparison.Ordinal);
        Assert.Equal(["no"], user.LastButtons); // still asking for the account, not offering methods

        await user.SayAsync("maria@example.com");
        await user.PressAsync("method:email");
        await user.SayAsync("send the code to new@x.com instead");
        Assert.Contains("can't change or add", user.LastText, StringComparison.Ordinal);

        await DevOutbox.WaitForCodeAsync(_http, "maria@example.com");
        Assert.DoesNotContain(await DevOutbox.ReadAsync(_http), message => message.GetProperty("to").GetString()!.Contains("new@x.com", StringComparison.Ordinal));
        Assert.Equal(3, (await AuditTypesAsync()).Count(type => type == "contact_change_refused"));
    }

    [Fact]
    public async Task Ade_AfterAFirstProof_TheMaskedChoicesAreTheRealPreCompromiseOnes()
    {
        var user = await IdentifyAsync("ade-masks", "ade@example.com");
        Assert.Equal(["Email", "Text message (SMS)", "Use a saved recovery code"], user.LastButtonTitles); // D3: none before a first check
        await user.PressAsync("method:email");
        await user.SubmitCodeAsync(await DevOutbox.WaitForCodeAsync(_http, "ade@example.com"));

        Assert.Equal(["Text to •••199", "Use a saved recovery code"], user.LastButtonTitles);
        Assert.DoesNotContain("802 555", string.Join(" ", user.LastButtonTitles), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResendAndManyConversations_NeverResetTheAccountCounter_AndBackoffThrottlesInsteadOfLocking()
    {
        var user = await IdentifyAsync("backoff", "maria@example.com");
        await user.PressAsync("method:email");
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await user.SubmitCodeAsync("1111111" + attempt);
        }

        await user.PressAsync("resend");
        await user.SubmitCodeAsync("22222222");
        Assert.Contains("verification is paused", user.LastText, StringComparison.Ordinal);
        Assert.Contains("1 minute", user.LastText, StringComparison.Ordinal);
        Assert.Equal(5, await AccountFailuresAsync("acc-maria"));

        _app.Clock.Advance(TimeSpan.FromSeconds(31));
        var later = await IdentifyAsync("backoff-later", "maria@example.com");
        await later.PressAsync("method:sms");
        Assert.Contains("we've sent", later.LastText, StringComparison.Ordinal);

        // The next failure doubles the wait; a correct code then clears the counter.
        await later.SubmitCodeAsync("33333333");
        Assert.Contains("verification is paused", later.LastText, StringComparison.Ordinal);
        _app.Clock.Advance(TimeSpan.FromMinutes(61));
        var owner = await IdentifyAsync("backoff-owner", "maria@example.com");
        await owner.PressAsync("method:email");
        await owner.SubmitCodeAsync(await DevOutbox.WaitForCodeAsync(_http, "maria@example.com", nth: 3));
        Assert.Matches(CaseId(), owner.LastText);
        Assert.Equal(0, await AccountFailuresAsync("acc-maria"));
        await WaitForOwnerNoticeAsync("acc-maria", "verification_throttled");
    }

    [Fact]
    public async Task TwoHundredConversations_OnOneAccount_ShareOneCounter()
    {
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (n, _) =>
        {
            var user = new ExpectRepliesClient(_http, "swarm-" + n, locale: n % 3 == 0 ? "es-ES" : n % 3 == 1 ? "fr-FR" : "en-US");
            await user.StartAsync();
            await user.PressAsync("human");
            await user.SayAsync("maria@example.com");
            await user.PressAsync("method:email");
            await user.SubmitCodeAsync((10_000_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture));
            outcomes.Add(user.LastText);
        });

        // One counter for all: a handful of wrong entries were counted before the backoff held every other one back.
        var failures = await AccountFailuresAsync("acc-maria");
        Assert.InRange(failures, 5, 5 + 8);
        Assert.True(await IssuedCodesAsync("acc-maria") <= 3, "the send cap holds across conversations");
        var paused = new ExpectRepliesClient(_http, "swarm-after");
        await paused.StartAsync();
        await paused.PressAsync("human");
        await paused.SayAsync("maria@example.com");
        await paused.PressAsync("method:email");
        Assert.Contains("verification is paused", paused.LastText, StringComparison.Ordinal);
        Assert.Empty(await CaseIdsAsync());
    }

    [Fact]
    public async Task TwentyConsecutiveFailures_SwitchToTheSlowPath_AndTheOwnerIsNotified()
    {
        string last = string.Empty;
        for (var failure = 1; failure <= 20; failure++)
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(61));
            var user = await IdentifyAsync("slow-" + failure, "maria@example.com");
            await user.PressAsync("method:email");
            await user.SubmitCodeAsync("44444444");
            last = user.LastText;
        }

        Assert.Contains("verification in this chat is closed", last, StringComparison.Ordinal);
        Assert.Contains("24 hours", last, StringComparison.Ordinal);

        _app.Clock.Advance(TimeSpan.FromHours(2));
        var later = await IdentifyAsync("slow-later", "maria@example.com");
        await later.PressAsync("method:email");
        Assert.Contains("verification in this chat is closed", later.LastText, StringComparison.Ordinal);
        await WaitForOwnerNoticeAsync("acc-maria", "slow_path");
    }

    [Fact]
    public async Task SendCaps_HoldPerAccount_AndTheOwnerIsNotifiedOnce()
    {
        var texts = new List<string>();
        for (var n = 0; n < 50; n++)
        {
            var user = await IdentifyAsync("pump-" + n, "maria@example.com");
            await user.PressAsync(n % 2 == 0 ? "method:sms" : "method:email");
            texts.Add(user.LastText);
        }

        Assert.Equal(3, texts.Count(text => text.Contains("we've sent", StringComparison.Ordinal)));
        Assert.Equal(47, texts.Count(text => text.Contains("Too many codes", StringComparison.Ordinal)));
        await WaitForOwnerNoticeAsync("acc-maria", "send_cap_reached");
        Assert.Single(await OwnerNoticesAsync("acc-maria"), notice => notice.Contains("send_cap_reached", StringComparison.Ordinal));
    }

    private async Task<ExpectRepliesClient> IdentifyAsync(string conversationId, string identifier)
    {
        var user = new ExpectRepliesClient(_http, conversationId);
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync(identifier);
        return user;
    }

    private async Task<string> WaitForOwnerNoticeAsync(string accountId, string reason)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            if ((await OwnerNoticesAsync(accountId)).FirstOrDefault(text => text.Contains(reason, StringComparison.Ordinal)) is { } notice)
            {
                return notice;
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException($"No owner notice {reason} for {accountId}.");
    }

    private async Task<IReadOnlyList<string>> OwnerNoticesAsync(string accountId) =>
        [.. (await DevOutbox.ReadAsync(_http))
            .Where(message => message.GetProperty("channel").GetString() == "owner-notice" && message.GetProperty("to").GetString() == accountId)
            .Select(message => message.GetProperty("text").GetString()!)];

    private Task<int> AccountFailuresAsync(string accountId) =>
        ScalarAsync("SELECT COALESCE((SELECT failures FROM account_failures WHERE account_id = $id), 0)", accountId);

    private Task<int> IssuedCodesAsync(string accountId) =>
        ScalarAsync("SELECT COUNT(*) FROM verification_codes WHERE account_id = $id", accountId);

    private async Task<int> ScalarAsync(string sql, string id)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_app.DataDirectory, "supportbot.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        return Convert.ToInt32(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<IReadOnlyList<string>> AuditTypesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_app.DataDirectory, "supportbot.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type FROM audit_log";
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }

    private async Task<IReadOnlyList<string>> CaseIdsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_app.DataDirectory, "supportbot.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT case_id FROM cases";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task AssertNotStoredAsync(string secret)
    {
        SqliteConnection.ClearAllPools();
        var needle = System.Text.Encoding.UTF8.GetBytes(secret);
        foreach (var file in Directory.GetFiles(_app.DataDirectory, "supportbot.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory, Ct);
            Assert.True(memory.ToArray().AsSpan().IndexOf(needle) < 0, $"{Path.GetFileName(file)} holds the secret");
        }
    }

    [GeneratedRegex(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex CaseId();
}
