using Microsoft.Extensions.AI;

namespace SupportBot.Dialogs.Understanding.Llm;

/// <summary>
/// Asks an <see cref="IChatClient"/> for one intent label of the closed set (docs/intents.md) for a scrubbed message.
/// It only proposes: the host turns an accepted proposal into the same <see cref="IntentPrediction"/> the recognizer
/// makes, so the same triggers and the same deterministic guards of the recovery flow apply. Every failure (timeout,
/// error, malformed or unknown answer, a tool call) is an outcome with a reason, never an exception.
/// </summary>
/// <threadsafety>Stateless apart from the client; safe to call concurrently if the client is.</threadsafety>
public sealed class LlmIntentProposer(IChatClient client, double minimumConfidence = 0.5)
{
    private readonly IChatClient _client = client ?? throw new ArgumentNullException(nameof(client));

    public async Task<LlmIntentOutcome> ProposeAsync(ScrubbedText text, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(language);
        ChatResponse response;
        try
        {
            response = await _client.GetResponseAsync(LlmIntentPrompt.Messages(text, language), LlmIntentPrompt.Options(), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // the turn itself was cancelled
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException)
        {
            return LlmIntentOutcome.Fallback(LlmFallbackReason.Timeout, exception.GetType().Name);
        }
        catch (Exception exception)
        {
            return LlmIntentOutcome.Fallback(LlmFallbackReason.Error, exception.GetType().Name);
        }

        return LlmAnswerParser.Parse(response, minimumConfidence);
    }

    /// <summary>The recognizer's understanding with the proposal as its prediction (the recognizer's pick becomes the runner-up).</summary>
    public static Conversation.MessageUnderstanding Apply(Conversation.MessageUnderstanding local, LlmIntentProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(proposal);
        var previous = local.Prediction;
        var prediction = new IntentPrediction(proposal.Intent, proposal.Confidence, previous?.Intent ?? Intent.OutOfScope, previous?.Confidence ?? 0);
        return local with { Prediction = prediction };
    }
}
