using SupportBot.Bot.Storage;
using Xunit;

namespace SupportBot.Bot.Tests.Storage;

public abstract partial class StorageContractTests
{
    protected static CaseRecord Case(string caseId, string status = "queued", string conversationId = "c1", int minute = 0) => new(
        CaseId: caseId,
        ConversationId: conversationId,
        ChannelId: "directline",
        Language: "en",
        Country: "NG",
        Intent: "account_hacked",
        Status: status,
        AccountRef: "acct-7f3a",
        EvidenceJson: """{"checks":["email_code"]}""",
        CreatedAt: T0.AddMinutes(minute),
        UpdatedAt: T0.AddMinutes(minute));

    [Fact]
    public async Task CreateAsync_ThenGetAsync_ReturnsTheSameCase()
    {
        var record = Case("case-1");

        await Storage.Cases.CreateAsync(record, Ct);

        Assert.Equal(record, await Storage.Cases.GetAsync("case-1", Ct));
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull()
    {
        Assert.Null(await Storage.Cases.GetAsync("nope", Ct));
    }

    [Fact]
    public async Task CreateAsync_DuplicateId_ThrowsStorageExceptionAndKeepsTheFirst()
    {
        await Storage.Cases.CreateAsync(Case("case-1"), Ct);

        await Assert.ThrowsAsync<StorageException>(() => Storage.Cases.CreateAsync(Case("case-1", status: "closed"), Ct));

        Assert.Equal("queued", (await Storage.Cases.GetAsync("case-1", Ct))?.Status);
    }

    [Fact]
    public async Task CreateAsync_DuplicatesAmongManyParallelWrites_OnlyTheDuplicatesFail()
    {
        var outcomes = await InParallelAsync(40, async i =>
        {
            try
            {
                await Storage.Cases.CreateAsync(Case(i % 2 == 0 ? "same" : $"case-{i}", minute: i), Ct);
                return true;
            }
            catch (StorageException)
            {
                return false;
            }
        });

        Assert.Equal(21, outcomes.Count(o => o));
        Assert.All(outcomes.Where((_, i) => i % 2 == 1), Assert.True);
        Assert.Equal(21, (await Storage.Cases.ListAsync(null, 100, Ct)).Count);
    }

    [Fact]
    public async Task FindByConversationAsync_SeveralCases_ReturnsTheNewest()
    {
        await Storage.Cases.CreateAsync(Case("old", status: "closed", minute: 1), Ct);
        await Storage.Cases.CreateAsync(Case("new", minute: 9), Ct);
        await Storage.Cases.CreateAsync(Case("middle", status: "closed", minute: 5), Ct);
        await Storage.Cases.CreateAsync(Case("elsewhere", conversationId: "c2", minute: 20), Ct);

        Assert.Equal("new", (await Storage.Cases.FindByConversationAsync("c1", Ct))?.CaseId);
        Assert.Null(await Storage.Cases.FindByConversationAsync("c3", Ct));
    }

    [Fact]
    public async Task ListAsync_ReturnsNewestFirstFilteredAndLimited()
    {
        await Storage.Cases.CreateAsync(Case("a", minute: 1), Ct);
        await Storage.Cases.CreateAsync(Case("b", status: "with_agent", minute: 2), Ct);
        await Storage.Cases.CreateAsync(Case("c", minute: 3), Ct);
        await Storage.Cases.CreateAsync(Case("d", minute: 4), Ct);

        Assert.Equal(["d", "c", "b", "a"], (await Storage.Cases.ListAsync(null, 10, Ct)).Select(c => c.CaseId));
        Assert.Equal(["d", "c", "a"], (await Storage.Cases.ListAsync("queued", 10, Ct)).Select(c => c.CaseId));
        Assert.Equal(["d", "c"], (await Storage.Cases.ListAsync("queued", 2, Ct)).Select(c => c.CaseId));
        Assert.Empty(await Storage.Cases.ListAsync("resolved", 10, Ct));
    }

    [Fact]
    public async Task TransitionAsync_ExpectedStatusMatches_ChangesStatusAndUpdatedAt()
    {
        await Storage.Cases.CreateAsync(Case("case-1"), Ct);

        var changed = await Storage.Cases.TransitionAsync("case-1", "queued", "with_agent", T0.AddMinutes(30), Ct);

        Assert.True(changed);
        var stored = await Storage.Cases.GetAsync("case-1", Ct);
        Assert.Equal("with_agent", stored?.Status);
        Assert.Equal(T0.AddMinutes(30), stored?.UpdatedAt);
        Assert.Equal(T0, stored?.CreatedAt);
    }

    [Fact]
    public async Task TransitionAsync_ExpectedStatusMismatch_ReturnsFalseAndChangesNothing()
    {
        await Storage.Cases.CreateAsync(Case("case-1", status: "with_agent"), Ct);

        var changed = await Storage.Cases.TransitionAsync("case-1", "queued", "closed", T0.AddMinutes(30), Ct);

        Assert.False(changed);
        Assert.Equal(Case("case-1", status: "with_agent"), await Storage.Cases.GetAsync("case-1", Ct));
        Assert.False(await Storage.Cases.TransitionAsync("unknown", "queued", "closed", T0, Ct));
    }

    [Fact]
    public async Task TransitionAsync_TwoAgentsTakeTheSameCase_OnlyOneSucceeds()
    {
        await Storage.Cases.CreateAsync(Case("case-1"), Ct);

        var taken = await InParallelAsync(16, i => Storage.Cases.TransitionAsync("case-1", "queued", "with_agent", T0.AddSeconds(i), Ct));

        Assert.Single(taken, t => t);
    }

    [Fact]
    public async Task GetQueuePositionAsync_CountsQueuedCasesOldestFirst()
    {
        await Storage.Cases.CreateAsync(Case("second", minute: 2), Ct);
        await Storage.Cases.CreateAsync(Case("first", minute: 1), Ct);
        await Storage.Cases.CreateAsync(Case("busy", status: "with_agent", minute: 0), Ct);
        await Storage.Cases.CreateAsync(Case("third", minute: 3), Ct);

        Assert.Equal(1, await Storage.Cases.GetQueuePositionAsync("first", Ct));
        Assert.Equal(2, await Storage.Cases.GetQueuePositionAsync("second", Ct));
        Assert.Equal(3, await Storage.Cases.GetQueuePositionAsync("third", Ct));
        Assert.Null(await Storage.Cases.GetQueuePositionAsync("busy", Ct));
        Assert.Null(await Storage.Cases.GetQueuePositionAsync("unknown", Ct));

        await Storage.Cases.TransitionAsync("first", "queued", "with_agent", T0.AddMinutes(10), Ct);

        Assert.Null(await Storage.Cases.GetQueuePositionAsync("first", Ct));
        Assert.Equal(1, await Storage.Cases.GetQueuePositionAsync("second", Ct));
        Assert.Equal(2, await Storage.Cases.GetQueuePositionAsync("third", Ct));
    }

    [Fact]
    public async Task GetQueuePositionAsync_CaseLeavesAndReentersTheQueue_KeepsItsPlace()
    {
        await Storage.Cases.CreateAsync(Case("first", minute: 1), Ct);
        await Storage.Cases.CreateAsync(Case("tied-a", minute: 2), Ct);
        await Storage.Cases.CreateAsync(Case("tied-b", minute: 2), Ct);
        await Storage.Cases.CreateAsync(Case("last", minute: 3), Ct);

        await Storage.Cases.TransitionAsync("first", "queued", "with_agent", T0.AddMinutes(10), Ct);
        await Storage.Cases.TransitionAsync("tied-b", "queued", "with_agent", T0.AddMinutes(10), Ct);
        await Storage.Cases.TransitionAsync("first", "with_agent", "queued", T0.AddMinutes(11), Ct);

        Assert.Equal(1, await Storage.Cases.GetQueuePositionAsync("first", Ct));
        Assert.Equal(2, await Storage.Cases.GetQueuePositionAsync("tied-a", Ct));
        Assert.Null(await Storage.Cases.GetQueuePositionAsync("tied-b", Ct));
        Assert.Equal(3, await Storage.Cases.GetQueuePositionAsync("last", Ct));

        await Storage.Cases.TransitionAsync("tied-b", "with_agent", "queued", T0.AddMinutes(12), Ct);

        Assert.Equal(3, await Storage.Cases.GetQueuePositionAsync("tied-b", Ct));
        Assert.Equal(4, await Storage.Cases.GetQueuePositionAsync("last", Ct));
    }
}
