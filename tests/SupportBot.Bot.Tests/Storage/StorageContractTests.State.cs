using SupportBot.Bot.Storage;
using Xunit;

namespace SupportBot.Bot.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task GetAsync_NeverSaved_ReturnsNull()
    {
        Assert.Null(await Storage.States.GetAsync("nobody", Ct));
    }

    [Fact]
    public async Task SaveAsync_NewConversation_SavesVersionOneStampedByTheClock()
    {
        Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await Storage.States.SaveAsync("c1", """{"state":"Triage"}""", 0, [], Ct);

        var saved = Assert.IsType<SaveStateResult.Saved>(result);
        Assert.Equal(1, saved.Version);
        Assert.Empty(saved.TranscriptSequences);
        Assert.Equal(
            new StoredConversationState("c1", """{"state":"Triage"}""", 1, T0.AddMinutes(5)),
            await Storage.States.GetAsync("c1", Ct));
    }

    [Fact]
    public async Task SaveAsync_ExpectedVersionCurrent_ReplacesStateAndIncrementsVersion()
    {
        await Storage.States.SaveAsync("c1", "\"one\"", 0, [], Ct);
        await Storage.States.SaveAsync("c1", "\"two\"", 1, [], Ct);

        var result = await Storage.States.SaveAsync("c1", "\"three\"", 2, [], Ct);

        Assert.Equal(3, Assert.IsType<SaveStateResult.Saved>(result).Version);
        var stored = await Storage.States.GetAsync("c1", Ct);
        Assert.Equal("\"three\"", stored?.StateJson);
        Assert.Equal(3, stored?.Version);
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_ReturnsConflictAndKeepsTheWinner()
    {
        await Storage.States.SaveAsync("c1", "\"base\"", 0, [], Ct);
        await Storage.States.SaveAsync("c1", "\"winner\"", 1, [], Ct);

        var result = await Storage.States.SaveAsync("c1", "\"loser\"", 1, [], Ct);

        Assert.Equal(new SaveStateResult.Conflict(2), result);
        var stored = await Storage.States.GetAsync("c1", Ct);
        Assert.Equal("\"winner\"", stored?.StateJson);
        Assert.Equal(2, stored?.Version);
    }

    [Fact]
    public async Task SaveAsync_ExpectedZeroButAlreadySaved_ReturnsConflict()
    {
        await Storage.States.SaveAsync("c1", "\"first\"", 0, [], Ct);

        var result = await Storage.States.SaveAsync("c1", "\"second\"", 0, [], Ct);

        Assert.Equal(new SaveStateResult.Conflict(1), result);
        Assert.Equal("\"first\"", (await Storage.States.GetAsync("c1", Ct))?.StateJson);
    }

    [Fact]
    public async Task SaveAsync_ExpectedVersionOfUnsavedConversation_ReturnsConflictWithZero()
    {
        var result = await Storage.States.SaveAsync("c1", "{}", 4, Entries("lost"), Ct);

        Assert.Equal(new SaveStateResult.Conflict(0), result);
        Assert.Null(await Storage.States.GetAsync("c1", Ct));
        Assert.Empty(await Storage.Transcripts.ReadAsync("c1", 0, 10, Ct));
    }

    [Fact]
    public async Task SaveAsync_WithTranscript_AppendsEntriesInTheSameSave()
    {
        var result = await Storage.States.SaveAsync("c1", "{}", 0, Entries("hello", "hi, how can I help?"), Ct);

        Assert.Equal([1L, 2L], Assert.IsType<SaveStateResult.Saved>(result).TranscriptSequences);
        var next = await Storage.States.SaveAsync("c1", "{}", 1, Entries("locked out", "let's fix that", "step 1"), Ct);
        Assert.Equal([3L, 4L, 5L], Assert.IsType<SaveStateResult.Saved>(next).TranscriptSequences);

        var transcript = await Storage.Transcripts.ReadAsync("c1", 0, 10, Ct);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], transcript.Select(e => e.Sequence));
        Assert.Equal("""{"type":"message","text":"hello"}""", transcript[0].ActivityJson);
        Assert.Equal("""{"type":"message","text":"step 1"}""", transcript[4].ActivityJson);
    }

    [Fact]
    public async Task SaveAsync_Conflict_AppendsNoTranscript()
    {
        await Storage.States.SaveAsync("c1", "{}", 0, Entries("a"), Ct);
        await Storage.States.SaveAsync("c1", "{}", 1, Entries("b"), Ct);

        var result = await Storage.States.SaveAsync("c1", "{}", 1, Entries("from the stale turn", "also stale"), Ct);

        Assert.IsType<SaveStateResult.Conflict>(result);
        var transcript = await Storage.Transcripts.ReadAsync("c1", 0, 10, Ct);
        Assert.Equal(["a", "b"], transcript.Select(e => e.ActivityJson.Split('"')[^2]));
    }

    [Fact]
    public async Task SaveAsync_ManyTurnsSaveTheSameVersionAtOnce_ExactlyOneWinsAndOnlyItsTranscriptIsKept()
    {
        await Storage.States.SaveAsync("c1", "\"base\"", 0, [], Ct);

        var results = await InParallelAsync(
            24, i => Storage.States.SaveAsync("c1", $"\"turn {i}\"", 1, Entries($"turn {i} in", $"turn {i} out"), Ct));

        var winners = results.Select((r, i) => (Result: r, Turn: i)).Where(x => x.Result is SaveStateResult.Saved).ToList();
        var winner = Assert.Single(winners);
        Assert.All(results.Where(r => r is SaveStateResult.Conflict), r => Assert.Equal(new SaveStateResult.Conflict(2), r));
        Assert.Equal($"\"turn {winner.Turn}\"", (await Storage.States.GetAsync("c1", Ct))?.StateJson);
        var transcript = await Storage.Transcripts.ReadAsync("c1", 0, 100, Ct);
        Assert.Equal([$"turn {winner.Turn} in", $"turn {winner.Turn} out"], transcript.Select(e => e.ActivityJson.Split('"')[^2]));
    }

    [Fact]
    public async Task SaveAsync_DifferentConversations_KeepSeparateVersionsAndSequences()
    {
        await Storage.States.SaveAsync("c1", "\"one\"", 0, Entries("x", "y"), Ct);

        var result = await Storage.States.SaveAsync("c2", "\"two\"", 0, Entries("z"), Ct);

        var saved = Assert.IsType<SaveStateResult.Saved>(result);
        Assert.Equal(1, saved.Version);
        Assert.Equal([1L], saved.TranscriptSequences);
    }

    [Fact]
    public async Task SaveFirstAsync_NewConversation_RegistersItAndSavesVersionOneWithTheTranscript()
    {
        var conversation = new ConversationRecord("c1", "msteams", "user-1", T0);

        var result = await Storage.States.SaveFirstAsync(conversation, "\"first\"", Entries("hello", "hi"), Ct);

        var saved = Assert.IsType<SaveStateResult.Saved>(result);
        Assert.Equal(1, saved.Version);
        Assert.Equal([1L, 2L], saved.TranscriptSequences);
        Assert.Equal(conversation, await Storage.Transcripts.GetConversationAsync("c1", Ct));
        Assert.Equal("\"first\"", (await Storage.States.GetAsync("c1", Ct))?.StateJson);
        Assert.IsType<SaveStateResult.Saved>(await Storage.States.SaveAsync("c1", "\"second\"", 1, [], Ct));
    }

    [Fact]
    public async Task SaveFirstAsync_ConversationRegisteredAlready_KeepsTheRegistrationAndSaves()
    {
        var registered = new ConversationRecord("c1", "directline", "user-1", T0);
        await Storage.Transcripts.CreateConversationAsync(registered, Ct);

        var result = await Storage.States.SaveFirstAsync(registered with { ChannelId = "other", CreatedAt = T0.AddMinutes(1) }, "{}", [], Ct);

        Assert.IsType<SaveStateResult.Saved>(result);
        Assert.Equal(registered, await Storage.Transcripts.GetConversationAsync("c1", Ct));
    }

    [Fact]
    public async Task SaveFirstAsync_StateSavedMeanwhile_ConflictsKeepsTheWinnerAndStillRegisters()
    {
        await Storage.States.SaveAsync("c1", "\"winner\"", 0, Entries("a"), Ct);
        var conversation = new ConversationRecord("c1", "msteams", "user-1", T0);

        var result = await Storage.States.SaveFirstAsync(conversation, "\"loser\"", Entries("stale"), Ct);

        Assert.Equal(1, Assert.IsType<SaveStateResult.Conflict>(result).CurrentVersion);
        Assert.Equal("\"winner\"", (await Storage.States.GetAsync("c1", Ct))?.StateJson);
        Assert.Single(await Storage.Transcripts.ReadAsync("c1", 0, 10, Ct));
        Assert.Equal(conversation, await Storage.Transcripts.GetConversationAsync("c1", Ct));
    }
}
