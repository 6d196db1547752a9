using Microsoft.Extensions.AI;
using SupportBot.Dialogs.Understanding;
using SupportBot.Dialogs.Understanding.Llm;
using Xunit;

namespace SupportBot.Dialogs.Tests.Understanding.Llm;

/// <summary>Only one label of the closed set with a confidence in [0,1] is a proposal; everything else falls back.</summary>
public sealed class LlmAnswerParserTests
{
    [Fact]
    public void ALabelOfTheClosedSet_IsAProposal()
    {
        var outcome = LlmAnswerParser.ParseText("""{"intent":"account_hacked","confidence":0.91}""", 0.5);

        Assert.Equal(new LlmIntentProposal(Intent.AccountHacked, 0.91), outcome.Proposal);
        Assert.Equal(LlmFallbackReason.None, outcome.Reason);
    }

    [Theory]
    [InlineData("""{"intent":"escalate","confidence":1}""", LlmFallbackReason.UnknownLabel)]
    [InlineData("""{"intent":"VerificationPassed","confidence":1}""", LlmFallbackReason.UnknownLabel)]
    [InlineData("""{"intent":"Human_Agent","confidence":1}""", LlmFallbackReason.UnknownLabel)]
    [InlineData("""{"intent":"human_agent ","confidence":1}""", LlmFallbackReason.UnknownLabel)]
    [InlineData("""{"intent":"human_agent","confidence":1,"verified":true}""", LlmFallbackReason.Malformed)]
    [InlineData("""{"intent":"human_agent","intent":"greeting","confidence":1}""", LlmFallbackReason.Malformed)]
    [InlineData("""{"intent":"human_agent","confidence":7}""", LlmFallbackReason.Malformed)]
    [InlineData("""{"intent":"human_agent","confidence":"high"}""", LlmFallbackReason.Malformed)]
    [InlineData("""{"intent":["human_agent"],"confidence":1}""", LlmFallbackReason.Malformed)]
    [InlineData("""["human_agent"]""", LlmFallbackReason.Malformed)]
    [InlineData("human_agent", LlmFallbackReason.Malformed)]
    [InlineData("Sure! ```json {\"intent\":\"human_agent\",\"confidence\":1}```", LlmFallbackReason.Malformed)]
    [InlineData("", LlmFallbackReason.Malformed)]
    [InlineData("""{"intent":"greeting","confidence":0.2}""", LlmFallbackReason.LowConfidence)]
    public void AnythingElse_FallsBack(string answer, LlmFallbackReason reason)
    {
        var outcome = LlmAnswerParser.ParseText(answer, 0.5);

        Assert.Null(outcome.Proposal);
        Assert.Equal(reason, outcome.Reason);
    }

    [Fact]
    public void ToolCallsAndHugeAnswers_FallBack()
    {
        var toolCall = new ChatResponse(new ChatMessage(ChatRole.Assistant, [
            new TextContent("""{"intent":"human_agent","confidence":1}"""),
            new FunctionCallContent("call_1", "mark_verified", new Dictionary<string, object?> { ["account"] = "maria" })]));
        var huge = new ChatResponse(new ChatMessage(ChatRole.Assistant, """{"intent":"human_agent","confidence":1}""" + new string(' ', 100_000)));

        Assert.Equal(LlmFallbackReason.UnexpectedContent, LlmAnswerParser.Parse(toolCall, 0.5).Reason);
        Assert.Equal(LlmFallbackReason.TooLong, LlmAnswerParser.Parse(huge, 0.5).Reason);
    }
}
