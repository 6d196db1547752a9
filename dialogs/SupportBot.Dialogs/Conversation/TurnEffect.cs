using SupportBot.Dialogs.Understanding;

namespace SupportBot.Dialogs.Conversation;

/// <summary>Work the host must do after a decision. Effects marked "answers" lead to a <see cref="ServiceResult"/>.</summary>
public abstract record TurnEffect
{
    private protected TurnEffect() { }

    /// <summary>Begin a verification session for an identifier (the same work for existing and unknown accounts).</summary>
    public sealed record StartVerification(string Identifier) : TurnEffect;

    /// <summary>Answers <see cref="ServiceResult.CodeSent"/> or <see cref="ServiceResult.CodeSendThrottled"/>.</summary>
    public sealed record SendCode(string Method) : TurnEffect;

    /// <summary>Answers <see cref="ServiceResult.CodeAccepted"/>, <see cref="ServiceResult.CodeRejected"/> or <see cref="ServiceResult.VerificationLocked"/>.</summary>
    public sealed record CheckCode(string Code) : TurnEffect;

    /// <summary>Checks a saved recovery code; answers as <see cref="CheckCode"/> does.</summary>
    public sealed record CheckRecoveryCode(string Code) : TurnEffect;

    /// <summary>Opens (or finds) the case of this verified conversation; answers <see cref="ServiceResult.CaseOpened"/>.</summary>
    public sealed record OpenCase(Intent Problem, bool SupportOpen) : TurnEffect;

    /// <summary>Takes the case out of the queue (the user stopped or started over).</summary>
    public sealed record CancelCase(string CaseId) : TurnEffect;

    /// <summary>Forget the verification session (start over, stop).</summary>
    public sealed record ResetVerification : TurnEffect;

    /// <summary>Show the user's message to the agent holding the case; the bot says nothing.</summary>
    public sealed record RelayToAgent(string CaseId) : TurnEffect;

    /// <summary>Write an audit record of a decision (no secrets in <paramref name="Detail"/>).</summary>
    public sealed record Audit(string EventType, string Detail) : TurnEffect;
}
