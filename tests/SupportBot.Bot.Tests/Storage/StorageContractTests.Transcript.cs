using SupportBot.Bot.Storage;
using Xunit;

namespace SupportBot.Bot.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task CreateConversationAsync_New_ReturnsTrueAndIsReadBack()
    {
        var conversation = new ConversationRecord("c1", "directline", "user-1", T0);

        Assert.True(await Storage.Transcripts.CreateConversationAsync(conversation, Ct));

        Assert.Equal(conversation, await Storage.Transcripts.GetConversationAsync("c1", Ct));
    }

    [Fact]
    public async Task CreateConversationAsync_Twice_SecondReturnsFalseAndKeepsTheFirst()
    {
        await Storage.Transcripts.CreateConversationAsync(new ConversationRecord("c1", "directline", "user-1", T0), Ct);

        var created = await Storage.Transcripts.CreateConversationAsync(new ConversationRecord("c1", "msteams", "user-2", T0.AddHours(1)), Ct);

        Assert.False(created);
        Assert.Equal(new ConversationRecord("c1", "directline", "user-1", T0), await Storage.Transcripts.GetConversationAsync("c1", Ct));
    }

    [Fact]
    public async Task GetConversationAsync_Unknown_ReturnsNull()
    {
        Assert.Null(await Storage.Transcripts.GetConversationAsync("nobody", Ct));
    }

    [Fact]
    public async Task AppendAsync_SuccessiveCalls_NumberEachConversationFromOneWithoutGaps()
    {
        Assert.Equal([1L, 2L], await Storage.Transcripts.AppendAsync("c1", Entries("a", "b"), Ct));
        Assert.Equal([1L], await Storage.Transcripts.AppendAsync("c2", Entries("other"), Ct));
        Assert.Equal([3L, 4L, 5L], await Storage.Transcripts.AppendAsync("c1", Entries("c", "d", "e"), Ct));
        Assert.Empty(await Storage.Transcripts.AppendAsync("c1", [], Ct));
        Assert.Equal([6L], await Storage.Transcripts.AppendAsync("c1", Entries("f"), Ct));

        var transcript = await Storage.Transcripts.ReadAsync("c1", 0, 100, Ct);
        Assert.Equal(["a", "b", "c", "d", "e", "f"], transcript.Select(e => e.ActivityJson.Split('"')[^2]));
        Assert.All(transcript, e => Assert.Equal("c1", e.ConversationId));
    }

    [Fact]
    public async Task AppendAsync_ManyAppendersAtOnce_GetDistinctGaplessSequencesInCallOrder()
    {
        const int appenders = 40;

        var results = await InParallelAsync(appenders, i => Storage.Transcripts.AppendAsync("c1", Entries($"{i}-a", $"{i}-b", $"{i}-c"), Ct));

        Assert.Equal(Enumerable.Range(1, appenders * 3).Select(i => (long)i), results.SelectMany(r => r).Order());
        Assert.All(results, r => Assert.Equal([r[0], r[0] + 1, r[0] + 2], r));
        var transcript = await Storage.Transcripts.ReadAsync("c1", 0, 1000, Ct);
        for (var i = 0; i < appenders; i++)
        {
            Assert.Equal($"{i}-b", transcript[(int)results[i][1] - 1].ActivityJson.Split('"')[^2]);
        }
    }

    [Fact]
    public async Task ReadAsync_PagesBySequence()
    {
        var entries = Entries("1", "2", "3", "4", "5");
        await Storage.Transcripts.AppendAsync("c1", entries, Ct);

        var first = await Storage.Transcripts.ReadAsync("c1", 0, 2, Ct);
        var second = await Storage.Transcripts.ReadAsync("c1", first[^1].Sequence, 2, Ct);
        var third = await Storage.Transcripts.ReadAsync("c1", second[^1].Sequence, 2, Ct);
        var after = await Storage.Transcripts.ReadAsync("c1", 5, 2, Ct);

        Assert.Equal([1L, 2L], first.Select(e => e.Sequence));
        Assert.Equal([3L, 4L], second.Select(e => e.Sequence));
        Assert.Equal([5L], third.Select(e => e.Sequence));
        Assert.Empty(after);
        Assert.Equal(new TranscriptEntry("c1", 3, entries[2].Timestamp, entries[2].ActivityJson), second[0]);
        Assert.Empty(await Storage.Transcripts.ReadAsync("unknown", 0, 10, Ct));
    }

    [Fact]
    public async Task Transcript_RawUpdate_IsRefusedAndTheEntryIsUnchanged()
    {
        await Storage.Transcripts.AppendAsync("c1", Entries("original"), Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => RawUpdateTranscriptAsync("c1", 1, Ct));

        Assert.Equal("""{"type":"message","text":"original"}""", Assert.Single(await Storage.Transcripts.ReadAsync("c1", 0, 10, Ct)).ActivityJson);
    }

    [Fact]
    public async Task Transcript_RawDelete_IsRefusedAndTheEntryRemains()
    {
        await Storage.Transcripts.AppendAsync("c1", Entries("keep me"), Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => RawDeleteTranscriptAsync("c1", 1, Ct));

        Assert.Single(await Storage.Transcripts.ReadAsync("c1", 0, 10, Ct));
        Assert.Equal([2L], await Storage.Transcripts.AppendAsync("c1", Entries("next"), Ct));
    }
}
