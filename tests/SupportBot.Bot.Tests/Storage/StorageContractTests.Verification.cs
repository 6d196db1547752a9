using SupportBot.Bot.Storage;
using Xunit;

namespace SupportBot.Bot.Tests.Storage;

public abstract partial class StorageContractTests
{
    protected static IssuedCode Code(string codeId, string accountId = "acct-1", string sessionId = "c1", int minute = 0) => new(
        CodeId: codeId,
        AccountId: accountId,
        SessionId: sessionId,
        Channel: "email",
        DestinationKey: "contact-1",
        Salt: [1, 2, 3, (byte)codeId.Length],
        Hash: [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + codeId.Length))],
        IssuedAt: T0.AddMinutes(minute),
        ExpiresAt: T0.AddMinutes(minute + 10),
        Failures: 0);

    private static void AssertSameCode(IssuedCode expected, IssuedCode? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Salt, actual.Salt);
        Assert.Equal(expected.Hash, actual.Hash);
        // Records compare byte arrays by reference, so compare the rest with the arrays swapped in.
        Assert.Equal(expected, actual with { Salt = expected.Salt, Hash = expected.Hash });
    }

    [Fact]
    public async Task StoreCodeAsync_ThenGetLiveCodeAsync_ReturnsTheStoredHashAndSalt()
    {
        var code = Code("code-1");

        await Storage.Verification.StoreCodeAsync(code, Ct);

        AssertSameCode(code, await Storage.Verification.GetLiveCodeAsync("acct-1", "c1", Ct));
        Assert.Null(await Storage.Verification.GetLiveCodeAsync("acct-1", "other-session", Ct));
        Assert.Null(await Storage.Verification.GetLiveCodeAsync("acct-2", "c1", Ct));
    }

    [Fact]
    public async Task StoreCodeAsync_SecondCodeForTheSameSession_ReplacesAndInvalidatesTheFirst()
    {
        await Storage.Verification.StoreCodeAsync(Code("code-1"), Ct);
        var resend = Code("code-2", minute: 2);

        await Storage.Verification.StoreCodeAsync(resend, Ct);

        AssertSameCode(resend, await Storage.Verification.GetLiveCodeAsync("acct-1", "c1", Ct));
        Assert.False(await Storage.Verification.ConsumeCodeAsync("code-1", T0.AddMinutes(3), Ct));
        Assert.True(await Storage.Verification.ConsumeCodeAsync("code-2", T0.AddMinutes(3), Ct));
    }

    [Fact]
    public async Task StoreCodeAsync_OtherSessionOfTheSameAccount_LeavesItsCodeLive()
    {
        await Storage.Verification.StoreCodeAsync(Code("code-1", sessionId: "c1"), Ct);

        await Storage.Verification.StoreCodeAsync(Code("code-2", sessionId: "c2"), Ct);

        Assert.Equal("code-1", (await Storage.Verification.GetLiveCodeAsync("acct-1", "c1", Ct))?.CodeId);
        Assert.Equal("code-2", (await Storage.Verification.GetLiveCodeAsync("acct-1", "c2", Ct))?.CodeId);
    }

    [Fact]
    public async Task ConsumeCodeAsync_LiveCode_SucceedsOnceThenTheCodeIsGone()
    {
        await Storage.Verification.StoreCodeAsync(Code("code-1"), Ct);

        Assert.True(await Storage.Verification.ConsumeCodeAsync("code-1", T0.AddMinutes(1), Ct));

        Assert.False(await Storage.Verification.ConsumeCodeAsync("code-1", T0.AddMinutes(1), Ct));
        Assert.Null(await Storage.Verification.GetLiveCodeAsync("acct-1", "c1", Ct));
        Assert.False(await Storage.Verification.ConsumeCodeAsync("unknown", T0, Ct));
    }

    [Fact]
    public async Task ConsumeCodeAsync_ManyConsumersAtOnce_ExactlyOneSucceeds()
    {
        await Storage.Verification.StoreCodeAsync(Code("code-1"), Ct);

        var consumed = await InParallelAsync(50, i => Storage.Verification.ConsumeCodeAsync("code-1", T0.AddSeconds(i), Ct));

        Assert.Single(consumed, c => c);
    }

    [Fact]
    public async Task AddCodeFailureAsync_CountsWrongEntriesPerCodeExactly()
    {
        await Storage.Verification.StoreCodeAsync(Code("code-1"), Ct);
        await Storage.Verification.StoreCodeAsync(Code("code-2", accountId: "acct-2"), Ct);

        Assert.Equal(1, await Storage.Verification.AddCodeFailureAsync("code-1", Ct));
        var counts = await InParallelAsync(30, _ => Storage.Verification.AddCodeFailureAsync("code-1", Ct));

        Assert.Equal(Enumerable.Range(2, 30), counts.Order());
        Assert.Equal(31, (await Storage.Verification.GetLiveCodeAsync("acct-1", "c1", Ct))?.Failures);
        Assert.Equal(0, (await Storage.Verification.GetLiveCodeAsync("acct-2", "c1", Ct))?.Failures);
    }

    [Fact]
    public async Task AddAccountFailureAsync_HundredConversationsAtOnce_CountsExactly()
    {
        var counts = await InParallelAsync(
            100, i => Storage.Verification.AddAccountFailureAsync("acct-1", T0.AddSeconds(i), Ct));

        Assert.Equal(Enumerable.Range(1, 100), counts.Order());
        Assert.Equal(new AccountFailures(100, T0.AddSeconds(99)), await Storage.Verification.GetAccountFailuresAsync("acct-1", Ct));
        Assert.Equal(new AccountFailures(0, null), await Storage.Verification.GetAccountFailuresAsync("acct-2", Ct));
    }

    [Fact]
    public async Task AddAccountFailureAsync_NewCodeIssuedInBetween_DoesNotResetTheCount()
    {
        await Storage.Verification.StoreCodeAsync(Code("code-1", sessionId: "c1"), Ct);
        await Storage.Verification.AddAccountFailureAsync("acct-1", T0.AddMinutes(1), Ct);
        await Storage.Verification.AddAccountFailureAsync("acct-1", T0.AddMinutes(2), Ct);

        await Storage.Verification.StoreCodeAsync(Code("code-2", sessionId: "c1", minute: 3), Ct);
        await Storage.Verification.StoreCodeAsync(Code("code-3", sessionId: "c9", minute: 4), Ct);

        Assert.Equal(3, await Storage.Verification.AddAccountFailureAsync("acct-1", T0.AddMinutes(5), Ct));
        Assert.Equal(new AccountFailures(3, T0.AddMinutes(5)), await Storage.Verification.GetAccountFailuresAsync("acct-1", Ct));
    }

    [Fact]
    public async Task ResetAccountFailuresAsync_ClearsOnlyThatAccount()
    {
        await Storage.Verification.AddAccountFailureAsync("acct-1", T0, Ct);
        await Storage.Verification.AddAccountFailureAsync("acct-2", T0, Ct);

        await Storage.Verification.ResetAccountFailuresAsync("acct-1", Ct);

        Assert.Equal(0, (await Storage.Verification.GetAccountFailuresAsync("acct-1", Ct)).Count);
        Assert.Equal(1, (await Storage.Verification.GetAccountFailuresAsync("acct-2", Ct)).Count);
        Assert.Equal(1, await Storage.Verification.AddAccountFailureAsync("acct-1", T0.AddMinutes(1), Ct));
    }

    [Fact]
    public async Task CountSendsAsync_CountsPerAccountAndPerDestinationWithinTheWindow()
    {
        await Storage.Verification.RecordSendAsync("acct-1", "email-1", T0, Ct);
        await Storage.Verification.RecordSendAsync("acct-1", "email-1", T0.AddMinutes(30), Ct);
        await Storage.Verification.RecordSendAsync("acct-1", "phone-1", T0.AddMinutes(40), Ct);
        await Storage.Verification.RecordSendAsync("acct-1", "email-1", T0.AddMinutes(70), Ct);
        await Storage.Verification.RecordSendAsync("acct-2", "email-1", T0.AddMinutes(70), Ct);

        var hourAgo = T0.AddMinutes(70).AddHours(-1);
        Assert.Equal(3, await Storage.Verification.CountSendsAsync("acct-1", null, hourAgo, Ct));
        Assert.Equal(2, await Storage.Verification.CountSendsAsync("acct-1", "email-1", hourAgo, Ct));
        Assert.Equal(1, await Storage.Verification.CountSendsAsync("acct-1", "phone-1", hourAgo, Ct));
        Assert.Equal(4, await Storage.Verification.CountSendsAsync("acct-1", null, T0, Ct));
        Assert.Equal(1, await Storage.Verification.CountSendsAsync("acct-2", null, T0, Ct));
        Assert.Equal(0, await Storage.Verification.CountSendsAsync("acct-3", null, T0, Ct));
    }

    [Fact]
    public async Task RecordSendAsync_ManyAtOnce_AllCounted()
    {
        await InParallelAsync(60, async i =>
        {
            await Storage.Verification.RecordSendAsync("acct-1", i % 2 == 0 ? "email-1" : "phone-1", T0, Ct);
            return i;
        });

        Assert.Equal(60, await Storage.Verification.CountSendsAsync("acct-1", null, T0, Ct));
        Assert.Equal(30, await Storage.Verification.CountSendsAsync("acct-1", "phone-1", T0, Ct));
    }

    [Fact]
    public async Task GetSendWindowAsync_AgreesWithFailuresAndTheThreeCounts()
    {
        await Storage.Verification.RecordSendAsync("acct-1", "email-1", T0, Ct);
        await Storage.Verification.RecordSendAsync("acct-1", "email-1", T0.AddMinutes(30), Ct);
        await Storage.Verification.RecordSendAsync("acct-1", "phone-1", T0.AddMinutes(40), Ct);
        await Storage.Verification.RecordSendAsync("acct-1", "email-1", T0.AddMinutes(90), Ct);
        await Storage.Verification.RecordSendAsync("acct-2", "email-1", T0.AddMinutes(90), Ct);
        await Storage.Verification.AddAccountFailureAsync("acct-1", T0.AddMinutes(20), Ct);
        await Storage.Verification.AddAccountFailureAsync("acct-1", T0.AddMinutes(25), Ct);
        var now = T0.AddMinutes(90);

        var window = await Storage.Verification.GetSendWindowAsync("acct-1", "email-1", now, Ct);

        // The send at exactly an hour before counts, as CountSendsAsync counts it.
        // acct-2's send to email-1 counts for the destination: a destination is one however many accounts share it.
        Assert.Equal(new SendWindow(new AccountFailures(2, T0.AddMinutes(25)), 3, 4, 3, 4), window);
        Assert.Equal(await Storage.Verification.CountSendsAsync("acct-1", null, now.AddHours(-1), Ct), window.AccountSendsLastHour);
        Assert.Equal(
            new SendWindow(new AccountFailures(0, null), 0, 0, 0),
            await Storage.Verification.GetSendWindowAsync("acct-3", "email-9", now, Ct));
        Assert.Equal(1, (await Storage.Verification.GetSendWindowAsync("acct-1", "phone-1", now, Ct)).DestinationSendsLastHour);
        Assert.Equal(1, (await Storage.Verification.GetSendWindowAsync("acct-1", "email-1", T0.AddDays(1).AddMinutes(90), Ct)).AccountSendsLastDay);
        Assert.Equal(2, (await Storage.Verification.GetSendWindowAsync("acct-1", "email-1", T0.AddDays(1).AddMinutes(90), Ct)).DestinationSendsLastDay);
    }

    [Fact]
    public async Task IssueCodeAsync_StoresTheCodeInvalidatesTheEarlierOneAndCountsTheSend()
    {
        await Storage.Verification.IssueCodeAsync(Code("code-1"), Ct);
        var resend = Code("code-2", minute: 2);

        await Storage.Verification.IssueCodeAsync(resend, Ct);

        AssertSameCode(resend, await Storage.Verification.GetLiveCodeAsync("acct-1", "c1", Ct));
        Assert.False(await Storage.Verification.ConsumeCodeAsync("code-1", T0.AddMinutes(3), Ct));
        Assert.Equal(2, await Storage.Verification.CountSendsAsync("acct-1", "contact-1", T0, Ct));
        Assert.Equal(1, await Storage.Verification.CountSendsAsync("acct-1", null, T0.AddMinutes(1), Ct));
    }

    [Fact]
    public async Task IssueCodeAsync_DuplicateCodeId_StoresNeitherTheCodeNorTheSend()
    {
        await Storage.Verification.IssueCodeAsync(Code("code-1", sessionId: "c1"), Ct);

        await Assert.ThrowsAsync<StorageException>(() => Storage.Verification.IssueCodeAsync(Code("code-1", sessionId: "c2"), Ct));

        Assert.Null(await Storage.Verification.GetLiveCodeAsync("acct-1", "c2", Ct));
        Assert.Equal(1, await Storage.Verification.CountSendsAsync("acct-1", null, T0, Ct));
    }

    [Fact]
    public async Task GetCodeCheckStateAsync_ReturnsTheFailuresAndTheLiveCodeOfTheSession()
    {
        var code = Code("code-1");
        await Storage.Verification.StoreCodeAsync(code, Ct);
        await Storage.Verification.AddAccountFailureAsync("acct-1", T0.AddMinutes(4), Ct);

        var state = await Storage.Verification.GetCodeCheckStateAsync("acct-1", "c1", Ct);

        Assert.Equal(new AccountFailures(1, T0.AddMinutes(4)), state.Failures);
        AssertSameCode(code, state.LiveCode);
        Assert.Equal(
            new CodeCheckState(new AccountFailures(0, null), null),
            await Storage.Verification.GetCodeCheckStateAsync("acct-2", "c1", Ct));
        Assert.Null((await Storage.Verification.GetCodeCheckStateAsync("acct-1", "other-session", Ct)).LiveCode);
    }

    [Fact]
    public async Task AcceptCodeAsync_LiveCode_UsesItAndClearsOnlyThatAccountsFailures()
    {
        await Storage.Verification.StoreCodeAsync(Code("code-1"), Ct);
        await Storage.Verification.AddAccountFailureAsync("acct-1", T0, Ct);
        await Storage.Verification.AddAccountFailureAsync("acct-2", T0, Ct);

        Assert.True(await Storage.Verification.AcceptCodeAsync("code-1", "acct-1", T0.AddMinutes(1), Ct));

        Assert.Null(await Storage.Verification.GetLiveCodeAsync("acct-1", "c1", Ct));
        Assert.Equal(0, (await Storage.Verification.GetAccountFailuresAsync("acct-1", Ct)).Count);
        Assert.Equal(1, (await Storage.Verification.GetAccountFailuresAsync("acct-2", Ct)).Count);
    }

    [Fact]
    public async Task AcceptCodeAsync_CodeNotLive_ReturnsFalseAndClearsNothing()
    {
        await Storage.Verification.StoreCodeAsync(Code("code-1"), Ct);
        Assert.True(await Storage.Verification.ConsumeCodeAsync("code-1", T0.AddMinutes(1), Ct));
        await Storage.Verification.AddAccountFailureAsync("acct-1", T0.AddMinutes(2), Ct);

        Assert.False(await Storage.Verification.AcceptCodeAsync("code-1", "acct-1", T0.AddMinutes(3), Ct));
        Assert.False(await Storage.Verification.AcceptCodeAsync("unknown", "acct-1", T0.AddMinutes(3), Ct));

        Assert.Equal(new AccountFailures(1, T0.AddMinutes(2)), await Storage.Verification.GetAccountFailuresAsync("acct-1", Ct));
    }

    [Fact]
    public async Task AcceptCodeAsync_ManyAcceptorsAtOnce_ExactlyOneSucceeds()
    {
        await Storage.Verification.StoreCodeAsync(Code("code-1"), Ct);

        var accepted = await InParallelAsync(16, i => Storage.Verification.AcceptCodeAsync("code-1", "acct-1", T0.AddSeconds(i), Ct));

        Assert.Single(accepted, a => a);
    }
}
