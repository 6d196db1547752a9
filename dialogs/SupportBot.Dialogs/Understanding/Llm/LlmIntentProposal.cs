namespace SupportBot.Dialogs.Understanding.Llm;

/// <summary>An intent the LLM proposes for a message, with the confidence it gave (clamped to [0,1]).</summary>
public sealed record LlmIntentProposal(Intent Intent, double Confidence);

/// <summary>Why a call to the LLM produced no usable proposal; the local recognizer's result stands.</summary>
public enum LlmFallbackReason
{
    None,
    Timeout,
    Error,
    Malformed,
    UnknownLabel,
    UnexpectedContent,
    TooLong,
    LowConfidence,
}

/// <summary>The outcome of one proposal call: a proposal, or the reason there is none (for the log, never with user text).</summary>
public sealed record LlmIntentOutcome(LlmIntentProposal? Proposal, LlmFallbackReason Reason, string? Detail = null)
{
    public static LlmIntentOutcome Fallback(LlmFallbackReason reason, string? detail = null) => new(null, reason, detail);
}
