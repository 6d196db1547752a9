using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Understanding;
using SupportBot.Dialogs.Understanding.Llm;
using Xunit;

namespace SupportBot.Dialogs.Tests.Understanding.Llm;

/// <summary>When the LLM is asked, and above all when it never is.</summary>
public sealed class LlmConsultPolicyTests
{
    private const double ClarifyBelow = 0.45;
    private static readonly MessageUnderstanding s_unsure = new(new IntentPrediction(Intent.LockedOut, 0.3, Intent.AccountHacked, 0.25), ExtractedEntities.None);
    private static readonly MessageUnderstanding s_sure = new(new IntentPrediction(Intent.LockedOut, 0.9, Intent.AccountHacked, 0.05), ExtractedEntities.None);

    [Fact]
    public void AnUnsureOrOutOfScopeMessage_InTriage_IsAsked_ASureOneOnlyInAlwaysMode()
    {
        var outOfScope = s_sure with { Prediction = new IntentPrediction(Intent.OutOfScope, 0.9, Intent.Greeting, 0.05) };

        Assert.True(Ask(RecoveryState.Triage, s_unsure));
        Assert.True(Ask(RecoveryState.Triage, outOfScope));
        Assert.False(Ask(RecoveryState.Triage, s_sure));
        Assert.True(Ask(RecoveryState.Triage, s_sure, mode: LlmConsultMode.Always));
    }

    [Theory]
    [InlineData(RecoveryState.Identify)]
    [InlineData(RecoveryState.AwaitCode)]
    [InlineData(RecoveryState.SecondFactor)]
    [InlineData(RecoveryState.WithAgent)]
    public void NeverWhereIdentifiersOrCodesAreTyped_OrAnAgentHoldsTheCase(RecoveryState state) =>
        Assert.False(Ask(state, s_unsure, mode: LlmConsultMode.Always));

    [Fact]
    public void NeverForStructuredPayloads_CommandsClaims_OrMessagesWithEntities()
    {
        Assert.False(Ask(RecoveryState.Triage, s_unsure, structured: true));
        Assert.False(Ask(RecoveryState.Triage, s_unsure with { Command = UserCommand.Human }));
        Assert.False(Ask(RecoveryState.Triage, s_unsure with { Claim = UserClaim.ContactChange }));
        Assert.False(Ask(RecoveryState.Triage, s_unsure with { Problem = Intent.LockedOut }));
        Assert.False(Ask(RecoveryState.Triage, s_unsure with { RecoveryCodes = ["7KQM4XPD9RTAWB2F"] }));
        Assert.False(Ask(RecoveryState.Triage, s_unsure with { Entities = new([], [], ["12345678"], []) }));
        Assert.False(Ask(RecoveryState.Triage, s_unsure with { Entities = new(["a@b.co"], [], [], []) }));
        Assert.False(Ask(RecoveryState.Triage, s_unsure with { Entities = new([], ["+15550100"], [], []) }));
        Assert.False(Ask(RecoveryState.Triage, s_unsure with { Entities = new([], [], [], ["maria"]) }));
        Assert.False(Ask(RecoveryState.Triage, s_unsure, text: " "));
    }

    private static bool Ask(RecoveryState state, MessageUnderstanding understanding, bool structured = false, LlmConsultMode mode = LlmConsultMode.Unsure, string text = "hmm") =>
        LlmConsultPolicy.ShouldConsult(state, understanding, text, structured, mode, ClarifyBelow);
}
