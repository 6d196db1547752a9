using System.Security.Cryptography;
using SupportBot.Bot.Storage;
using Xunit;

namespace SupportBot.Bot.Tests.Security.Audit;

/// <summary>
/// The anchor is written behind the appends (one write at a time, always the newest head): after a burst from many
/// threads it must end at the newest record, MACed, never behind once flushed and never moved back.
/// </summary>
public sealed class AuditAnchorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-anchor-").FullName;
    private readonly AuditChainKey _key = new(RandomNumberGenerator.GetBytes(AuditChainKey.MinimumBytes));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task BurstFromManyThreads_FlushLeavesTheNewestHead_Valid()
    {
        var path = Path.Combine(_folder, "audit-anchor.json");
        var anchor = new AuditAnchor(path, _key);

        // Commits finish on many threads, slightly out of order, while earlier writes are still under way.
        await Parallel.ForEachAsync(Enumerable.Range(1, 2_000), TestContext.Current.CancellationToken, (sequence, _) =>
        {
            anchor.Advance(sequence, "hash-" + sequence);
            return ValueTask.CompletedTask;
        });
        anchor.Flush();

        var head = anchor.Read();
        Assert.NotNull(head);
        Assert.True(head.Valid);
        Assert.Equal(2_000, head.Sequence);
        Assert.Equal("hash-2000", head.Hash);
    }

    [Fact]
    public void OlderHead_NeverMovesTheAnchorBack_AndDisposalFlushes()
    {
        var path = Path.Combine(_folder, "audit-anchor.json");
        using (var anchor = new AuditAnchor(path, _key))
        {
            anchor.Advance(10, "hash-10");
            anchor.Advance(7, "hash-7");
        }

        var reopened = new AuditAnchor(path, _key);
        reopened.Advance(9, "hash-9");
        reopened.Flush();

        var head = reopened.Read();
        Assert.NotNull(head);
        Assert.True(head.Valid);
        Assert.Equal(10, head.Sequence);
        Assert.Equal("hash-10", head.Hash);
    }
}
