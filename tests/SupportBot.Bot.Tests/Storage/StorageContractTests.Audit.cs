using SupportBot.Bot.Storage;
using Xunit;

namespace SupportBot.Bot.Tests.Storage;

public abstract partial class StorageContractTests
{
    protected static AuditEvent Event(int n) => new(
        Type: n % 2 == 0 ? "code_sent" : "code_failed",
        At: T0.AddSeconds(n),
        Actor: "bot",
        ConversationId: $"c{n}",
        CaseId: n % 3 == 0 ? $"case-{n}" : null,
        AccountRef: "acct-1",
        DataJson: $$"""{"n":{{n}},"channel":"email"}""");

    /// <summary>Appends events 1..<paramref name="count"/> one after another.</summary>
    protected async Task<IReadOnlyList<AuditRecord>> AppendEventsAsync(int count)
    {
        var records = new List<AuditRecord>();
        for (var n = 1; n <= count; n++)
        {
            records.Add(await Storage.Audit.AppendAsync(Event(n), Ct));
        }

        return records;
    }

    [Fact]
    public async Task AuditAppendAsync_ChainsEachRecordToThePreviousFromTheGenesis()
    {
        var records = await AppendEventsAsync(3);

        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Sequence));
        Assert.Equal(AuditChain.GenesisHash, records[0].PreviousHash);
        Assert.Equal(new string('0', 64), records[0].PreviousHash);
        Assert.Equal(records[0].Hash, records[1].PreviousHash);
        Assert.Equal(records[1].Hash, records[2].PreviousHash);
        Assert.All(records, r => Assert.Matches("^[0-9a-f]{64}$", r.Hash));
        Assert.Equal(3, records.Select(r => r.Hash).Distinct().Count());
        Assert.Equal(Event(2), records[1].Event);
    }

    [Fact]
    public async Task AuditAppendAsync_HashIsTheSharedCanonicalHash()
    {
        var records = await AppendEventsAsync(2);

        // Every provider hashes the same way, so a log can be verified (or moved) across providers.
        Assert.Equal(AuditChain.ComputeHash(AuditKey, 1, AuditChain.GenesisHash, Event(1)), records[0].Hash);
        Assert.Equal(AuditChain.ComputeHash(AuditKey, 2, records[0].Hash, Event(2)), records[1].Hash);
    }

    [Fact]
    public async Task AuditReadAsync_PagesOldestFirstAndReturnsWhatWasAppended()
    {
        var appended = await AppendEventsAsync(5);

        var first = await Storage.Audit.ReadAsync(0, 3, Ct);
        var rest = await Storage.Audit.ReadAsync(3, 10, Ct);

        Assert.Equal(appended.Take(3), first);
        Assert.Equal(appended.Skip(3), rest);
        Assert.Empty(await Storage.Audit.ReadAsync(5, 10, Ct));
    }

    [Fact]
    public async Task AuditVerifyAsync_EmptyLog_IsIntact()
    {
        Assert.Equal(new AuditVerification.Intact(0), await Storage.Audit.VerifyAsync(Ct));
    }

    [Fact]
    public async Task AuditVerifyAsync_UntouchedLog_IsIntact()
    {
        await AppendEventsAsync(12);

        Assert.Equal(new AuditVerification.Intact(12), await Storage.Audit.VerifyAsync(Ct));
    }

    [Fact]
    public async Task AuditAppendAsync_ManyAppendersAtOnce_TheChainNeverForks()
    {
        var records = await InParallelAsync(60, i => Storage.Audit.AppendAsync(Event(i), Ct));

        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), records.Select(r => r.Sequence).Order());
        Assert.Equal(60, records.Select(r => r.PreviousHash).Distinct().Count());
        Assert.Equal(new AuditVerification.Intact(60), await Storage.Audit.VerifyAsync(Ct));
    }

    [Fact]
    public async Task AuditAppendAsync_SubMicrosecondTime_IsStoredAndHashedToTheMicrosecond()
    {
        var precise = Event(1) with { At = T0.AddTicks(12_345_678) };

        var record = await Storage.Audit.AppendAsync(precise, Ct);

        Assert.Equal(T0.AddTicks(12_345_670), record.Event.At);
        Assert.Equal(record, Assert.Single(await Storage.Audit.ReadAsync(0, 10, Ct)));
        Assert.Equal(new AuditVerification.Intact(1), await Storage.Audit.VerifyAsync(Ct));
    }

    [Fact]
    public async Task Audit_RawUpdate_IsRefusedAndTheChainStaysIntact()
    {
        await AppendEventsAsync(3);

        await Assert.ThrowsAnyAsync<Exception>(() => RawUpdateAuditAsync(2, Ct));

        Assert.Equal(new AuditVerification.Intact(3), await Storage.Audit.VerifyAsync(Ct));
    }

    [Fact]
    public async Task Audit_RawDelete_IsRefusedAndTheChainStaysIntact()
    {
        await AppendEventsAsync(3);

        await Assert.ThrowsAnyAsync<Exception>(() => RawDeleteAuditAsync(2, Ct));

        Assert.Equal(new AuditVerification.Intact(3), await Storage.Audit.VerifyAsync(Ct));
    }
}
