using SupportBot.Bot.Storage;
using Xunit;

namespace SupportBot.Bot.Tests.Storage;

/// <summary>
/// The behaviour every storage provider owes the bot, written once. A provider runs it by subclassing with a
/// fixture that opens a fresh, migrated database per test and implements the raw hooks below.
/// </summary>
/// <remarks>
/// Times are whole milliseconds so that providers that keep microseconds (PostgreSQL) round-trip them exactly.
/// </remarks>
public abstract partial class StorageContractTests : IAsyncLifetime
{
    /// <summary>A fixed start for the clock, far from any boundary.</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The audit chain's key for every provider under test (a forger in these tests knows it too).</summary>
    protected static readonly AuditChainKey AuditKey = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    private StorageUnderTest? _storage;

    protected ManualTimeProvider Clock { get; } = new(T0);

    protected StorageUnderTest Storage => _storage ?? throw new InvalidOperationException("The storage is not open.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _storage = await OpenStorageAsync(Clock, Ct);

    public async ValueTask DisposeAsync()
    {
        await CloseStorageAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens a fresh, empty, migrated database whose stores use <paramref name="clock"/>.</summary>
    protected abstract ValueTask<StorageUnderTest> OpenStorageAsync(TimeProvider clock, CancellationToken cancellationToken);

    /// <summary>Closes the database and removes whatever the test left behind.</summary>
    protected abstract ValueTask CloseStorageAsync();

    /// <summary>Runs the provider's migrations again on the open database.</summary>
    protected abstract Task MigrateAgainAsync(CancellationToken cancellationToken);

    /// <summary>Changes a stored transcript row's content with the provider's own SQL, bypassing the store.</summary>
    protected abstract Task RawUpdateTranscriptAsync(string conversationId, long sequence, CancellationToken cancellationToken);

    /// <summary>Deletes a stored transcript row with the provider's own SQL, bypassing the store.</summary>
    protected abstract Task RawDeleteTranscriptAsync(string conversationId, long sequence, CancellationToken cancellationToken);

    /// <summary>Changes a stored audit record's actor with the provider's own SQL, bypassing the store.</summary>
    protected abstract Task RawUpdateAuditAsync(long sequence, CancellationToken cancellationToken);

    /// <summary>Deletes a stored audit record with the provider's own SQL, bypassing the store.</summary>
    protected abstract Task RawDeleteAuditAsync(long sequence, CancellationToken cancellationToken);

    /// <summary>The stored payload of an outbox message, read with the provider's own SQL.</summary>
    protected abstract Task<byte[]> RawReadOutboxPayloadAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="count"/> calls at once on the thread pool and returns their results in call order.</summary>
    protected static Task<T[]> InParallelAsync<T>(int count, Func<int, Task<T>> call) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => call(i))));

    protected static IReadOnlyList<NewTranscriptEntry> Entries(params string[] texts) =>
        [.. texts.Select((text, i) => new NewTranscriptEntry(T0.AddMilliseconds(i), $$"""{"type":"message","text":"{{text}}"}"""))];

    [Fact]
    public async Task MigrateAgain_OnCurrentSchema_ChangesNothingAndKeepsData()
    {
        await Storage.States.SaveAsync("c1", "{}", 0, Entries("hi"), Ct);

        await MigrateAgainAsync(Ct);
        await MigrateAgainAsync(Ct);

        var state = await Storage.States.GetAsync("c1", Ct);
        Assert.Equal(1, state?.Version);
        Assert.Single(await Storage.Transcripts.ReadAsync("c1", 0, 10, Ct));
        Assert.Equal(new SaveStateResult.Conflict(1), await Storage.States.SaveAsync("c1", "{}", 0, [], Ct));
    }
}
