namespace SupportBot.Dialogs.Understanding;

/// <summary>The recognizer's labels (docs/intents.md); <see cref="IntentLabels"/> maps them to the snake_case data names.</summary>
public enum Intent
{
    OutOfScope,
    Greeting,
    AccountHacked,
    LockedOut,
    AccountDisabled,
    ForgotPassword,
    CodeNotReceived,
    Lost2faDevice,
    UpdateContactInfo,
    SuspiciousMessage,
    Impersonation,
    HumanAgent,
    CaseStatus,
    ChangeLanguage,
    Affirm,
    Deny,
    ThanksGoodbye,
}
