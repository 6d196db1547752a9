using SupportBot.Bot.Storage;
using Xunit;

namespace SupportBot.Bot.Tests.Storage;

public abstract partial class StorageContractTests
{
    protected static OutboxMessage Message(string messageId, int dueMinute = 0) => new(
        MessageId: messageId,
        Channel: "email",
        Payload: [0xC0, 0xDE, .. System.Text.Encoding.UTF8.GetBytes(messageId)],
        CreatedAt: T0,
        DueAt: T0.AddMinutes(dueMinute),
        Attempts: 0,
        Status: "pending",
        LastError: null);

    [Fact]
    public async Task ClaimDueAsync_ReturnsOnlyDueMessagesOldestDueFirstWithTheirPayload()
    {
        await Storage.Outbox.EnqueueAsync(Message("later", dueMinute: 10), Ct);
        await Storage.Outbox.EnqueueAsync(Message("second", dueMinute: 2), Ct);
        await Storage.Outbox.EnqueueAsync(Message("first", dueMinute: 1), Ct);

        var claimed = await Storage.Outbox.ClaimDueAsync(T0.AddMinutes(5), T0.AddMinutes(6), 10, Ct);

        Assert.Equal(["first", "second"], claimed.Select(m => m.MessageId));
        Assert.Equal(Message("first").Payload, claimed[0].Payload);
        Assert.Equal(T0.AddMinutes(1), claimed[0].DueAt);
        Assert.Equal(T0, claimed[0].CreatedAt);
        Assert.Equal("email", claimed[0].Channel);
        Assert.Equal("pending", claimed[0].Status);
        Assert.Equal(1, claimed[0].Attempts);
    }

    [Fact]
    public async Task ClaimDueAsync_RespectsMaxCount()
    {
        for (var i = 0; i < 5; i++)
        {
            await Storage.Outbox.EnqueueAsync(Message($"m{i}", dueMinute: i), Ct);
        }

        var claimed = await Storage.Outbox.ClaimDueAsync(T0.AddHours(1), T0.AddHours(2), 3, Ct);

        Assert.Equal(["m0", "m1", "m2"], claimed.Select(m => m.MessageId));
    }

    [Fact]
    public async Task ClaimDueAsync_LeasedMessage_IsNotClaimedAgainUntilTheLeaseRunsOut()
    {
        await Storage.Outbox.EnqueueAsync(Message("m1"), Ct);
        await Storage.Outbox.ClaimDueAsync(T0, T0.AddMinutes(1), 10, Ct);

        Assert.Empty(await Storage.Outbox.ClaimDueAsync(T0.AddSeconds(30), T0.AddMinutes(2), 10, Ct));

        var reclaimed = await Storage.Outbox.ClaimDueAsync(T0.AddMinutes(1), T0.AddMinutes(2), 10, Ct);
        Assert.Equal("m1", Assert.Single(reclaimed).MessageId);
        Assert.Equal(2, reclaimed[0].Attempts);
    }

    [Fact]
    public async Task ClaimDueAsync_ManyWorkersAtOnce_NeverLeaseTheSameMessageTwice()
    {
        for (var i = 0; i < 40; i++)
        {
            await Storage.Outbox.EnqueueAsync(Message($"m{i}"), Ct);
        }

        var claims = await InParallelAsync(10, _ => Storage.Outbox.ClaimDueAsync(T0, T0.AddMinutes(1), 7, Ct));

        var ids = claims.SelectMany(c => c).Select(m => m.MessageId).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(40, ids.Distinct().Count());
    }

    [Fact]
    public async Task MarkDeliveredAsync_ErasesThePayloadAndTheMessageIsNeverClaimedAgain()
    {
        await Storage.Outbox.EnqueueAsync(Message("m1"), Ct);
        await Storage.Outbox.ClaimDueAsync(T0, T0.AddMinutes(1), 10, Ct);

        await Storage.Outbox.MarkDeliveredAsync("m1", T0.AddSeconds(5), Ct);

        Assert.Empty(await RawReadOutboxPayloadAsync("m1", Ct));
        Assert.Empty(await Storage.Outbox.ClaimDueAsync(T0.AddDays(1), T0.AddDays(2), 10, Ct));
    }

    [Fact]
    public async Task MarkFailedAsync_WithRetryTime_MakesTheMessageDueAgainThen()
    {
        await Storage.Outbox.EnqueueAsync(Message("m1"), Ct);
        await Storage.Outbox.ClaimDueAsync(T0, T0.AddMinutes(1), 10, Ct);

        await Storage.Outbox.MarkFailedAsync("m1", "gateway timeout", T0.AddMinutes(10), Ct);

        Assert.Empty(await Storage.Outbox.ClaimDueAsync(T0.AddMinutes(9), T0.AddMinutes(20), 10, Ct));
        var retried = Assert.Single(await Storage.Outbox.ClaimDueAsync(T0.AddMinutes(10), T0.AddMinutes(11), 10, Ct));
        Assert.Equal("gateway timeout", retried.LastError);
        Assert.Equal(T0.AddMinutes(10), retried.DueAt);
        Assert.Equal(2, retried.Attempts);
        Assert.Equal(Message("m1").Payload, retried.Payload);
    }

    [Fact]
    public async Task MarkFailedAsync_WithoutRetryTime_LeavesTheMessageDead()
    {
        await Storage.Outbox.EnqueueAsync(Message("m1"), Ct);
        await Storage.Outbox.ClaimDueAsync(T0, T0.AddMinutes(1), 10, Ct);

        await Storage.Outbox.MarkFailedAsync("m1", "mailbox does not exist", null, Ct);

        Assert.Empty(await Storage.Outbox.ClaimDueAsync(T0.AddYears(1), T0.AddYears(2), 10, Ct));
    }

    [Fact]
    public async Task MarkFailedAsync_AfterDelivery_DoesNotBringTheMessageBack()
    {
        await Storage.Outbox.EnqueueAsync(Message("m1"), Ct);
        await Storage.Outbox.MarkDeliveredAsync("m1", T0, Ct);

        await Storage.Outbox.MarkFailedAsync("m1", "late failure report", T0.AddMinutes(1), Ct);

        Assert.Empty(await Storage.Outbox.ClaimDueAsync(T0.AddDays(1), T0.AddDays(2), 10, Ct));
        Assert.Empty(await RawReadOutboxPayloadAsync("m1", Ct));
    }
}
