using SupportBot.Dialogs.Conversation;

namespace SupportBot.Dialogs.Understanding.Llm;

/// <summary>When the LLM is asked: <c>Unsure</c> (default) only when the recognizer is below the clarify threshold or says out_of_scope; <c>Always</c> for every eligible message.</summary>
public enum LlmConsultMode
{
    Unsure,
    Always,
}

/// <summary>
/// Whether a message may be shown to the LLM at all, and whether it is worth asking. Never: structured payloads
/// (buttons, card values such as a code box), the verification steps where identifiers and codes are typed
/// (<see cref="RecoveryState.Identify"/>, <see cref="RecoveryState.AwaitCode"/>, <see cref="RecoveryState.SecondFactor"/>),
/// a conversation held by an agent, and any message the recognizer already read deterministically (a command, a
/// refused claim, a problem button, an identifier, a code or a saved recovery code).
/// </summary>
public static class LlmConsultPolicy
{
    private static readonly HashSet<RecoveryState> s_neverIn =
    [
        RecoveryState.Identify, RecoveryState.AwaitCode, RecoveryState.SecondFactor, RecoveryState.WithAgent,
    ];

    public static bool ShouldConsult(
        RecoveryState state, MessageUnderstanding understanding, string? text, bool structuredPayload, LlmConsultMode mode, double clarifyBelowConfidence)
    {
        ArgumentNullException.ThrowIfNull(understanding);
        if (structuredPayload || string.IsNullOrWhiteSpace(text) || s_neverIn.Contains(state))
        {
            return false;
        }

        var entities = understanding.Entities;
        if (understanding.Command != UserCommand.None || understanding.Problem is not null || understanding.Claim != UserClaim.None
            || understanding.RecoveryCodes.Count > 0 || entities.Codes.Count > 0 || entities.Emails.Count > 0
            || entities.PhoneNumbers.Count > 0 || entities.Usernames.Count > 0)
        {
            return false;
        }

        if (understanding.Prediction is not { } prediction)
        {
            return false;
        }

        return mode == LlmConsultMode.Always || prediction.Confidence < clarifyBelowConfidence || prediction.Intent == Intent.OutOfScope;
    }
}
