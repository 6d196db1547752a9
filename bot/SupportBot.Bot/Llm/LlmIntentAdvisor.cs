using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Protocol;
using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Understanding;
using SupportBot.Dialogs.Understanding.Llm;

namespace SupportBot.Bot.Llm;

/// <summary>
/// The turn pipeline's one call into the optional LLM (registered only when <c>Llm:Endpoint</c> is set): when the
/// <see cref="LlmConsultPolicy"/> allows it, the scrubbed message goes to the <see cref="LlmIntentProposer"/> and an
/// accepted proposal replaces the recognizer's prediction; otherwise, and on every failure, the recognizer's
/// understanding stands. The LLM only proposes an intent: the engine's triggers and guards decide (security.md A1, A2).
/// Log lines carry reasons and labels, never the user's text.
/// </summary>
public sealed partial class LlmIntentAdvisor(
    LlmIntentProposer proposer,
    LlmInputScrubber scrubber,
    IOptions<LlmOptions> options,
    IOptions<RecoveryEngineOptions> engine,
    ILogger<LlmIntentAdvisor> logger)
{
    private readonly LlmConsultMode _mode = options.Value.Consult;
    private readonly double _clarifyBelow = engine.Value.ClarifyBelowConfidence;

    /// <summary>The understanding to give the engine for this message.</summary>
    public async ValueTask<MessageUnderstanding?> ReconsiderAsync(
        ConversationSnapshot snapshot, MessageUnderstanding? local, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(activity);
        if (local is null || activity.Type != ActivityTypes.Message
            || !LlmConsultPolicy.ShouldConsult(snapshot.State, local, activity.Text, HasStructuredPayload(activity), _mode, _clarifyBelow))
        {
            return local;
        }

        if (scrubber.Scrub(activity.Text) is not { } scrubbed)
        {
            LogNotSent(logger);
            return local;
        }

        var outcome = await proposer.ProposeAsync(scrubbed, snapshot.Language, cancellationToken);
        if (outcome.Proposal is not { } proposal)
        {
            LogFallback(logger, outcome.Reason, outcome.Detail ?? string.Empty);
            return local;
        }

        LogProposed(logger, proposal.Intent.ToLabel(), proposal.Confidence, local.Prediction?.Intent.ToLabel() ?? "none");
        return LlmIntentProposer.Apply(local, proposal);
    }

    // Buttons and cards (a code box's value) are read exactly and never shown to the LLM.
    private static bool HasStructuredPayload(Activity activity) =>
        activity.Value is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) };

    [LoggerMessage(Level = LogLevel.Debug, Message = "LLM not asked: the message carried a secret or a contact")]
    private static partial void LogNotSent(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM proposal ignored ({Reason} {Detail}); the local recognizer's result stands")]
    private static partial void LogFallback(ILogger logger, LlmFallbackReason reason, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "LLM proposed {Intent} ({Confidence:0.00}) over the recognizer's {Local}")]
    private static partial void LogProposed(ILogger logger, string intent, double confidence, string local);
}
