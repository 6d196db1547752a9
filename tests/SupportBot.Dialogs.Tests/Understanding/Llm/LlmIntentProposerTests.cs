using Microsoft.Extensions.AI;
using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Understanding;
using SupportBot.Dialogs.Understanding.Llm;
using Xunit;

namespace SupportBot.Dialogs.Tests.Understanding.Llm;

/// <summary>The proposer never throws for the LLM's failures: each is a fallback with a reason.</summary>
public sealed class LlmIntentProposerTests
{
    private static readonly ScrubbedText s_text = new LlmInputScrubber(LlmTestRedactor.Instance).Scrub("someone is posting as me")!;

    [Fact]
    public async Task AGoodAnswer_IsAProposal_AndTheClientSawOnlyTheScrubbedText()
    {
        var client = ScriptedChatClient.Answering("""{"intent":"account_hacked","confidence":0.8}""");

        var outcome = await new LlmIntentProposer(client).ProposeAsync(s_text, "en", TestContext.Current.CancellationToken);

        Assert.Equal(Intent.AccountHacked, outcome.Proposal?.Intent);
        var sent = Assert.Single(client.Calls);
        Assert.Contains("someone is posting as me", sent.Messages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorsAndTimeouts_AreFallbacks_ButTheTurnsOwnCancellationIsNot()
    {
        var failing = new ScriptedChatClient((_, _, _) => throw new HttpRequestException("connection refused"));
        var timingOut = new ScriptedChatClient((_, _, _) => throw new TimeoutException());
        var cancelledInside = new ScriptedChatClient((_, _, _) => throw new TaskCanceledException());
        var token = TestContext.Current.CancellationToken;

        Assert.Equal(LlmFallbackReason.Error, (await new LlmIntentProposer(failing).ProposeAsync(s_text, "en", token)).Reason);
        Assert.Equal(LlmFallbackReason.Timeout, (await new LlmIntentProposer(timingOut).ProposeAsync(s_text, "en", token)).Reason);
        Assert.Equal(LlmFallbackReason.Timeout, (await new LlmIntentProposer(cancelledInside).ProposeAsync(s_text, "en", token)).Reason);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var waiting = new ScriptedChatClient(async (_, _, ct) => { await Task.Delay(Timeout.Infinite, ct); return new ChatResponse(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new LlmIntentProposer(waiting).ProposeAsync(s_text, "en", cancelled.Token));
    }

    [Fact]
    public void AProposal_ReplacesOnlyThePrediction_TheRecognizersPickBecomesTheRunnerUp()
    {
        var local = new MessageUnderstanding(new IntentPrediction(Intent.OutOfScope, 0.3, Intent.Greeting, 0.2), ExtractedEntities.None);

        var applied = LlmIntentProposer.Apply(local, new LlmIntentProposal(Intent.LockedOut, 0.7));

        Assert.Equal(new IntentPrediction(Intent.LockedOut, 0.7, Intent.OutOfScope, 0.3), applied.Prediction);
        Assert.Equal(local.Entities, applied.Entities);
        Assert.Equal(local.Command, applied.Command);
    }
}
