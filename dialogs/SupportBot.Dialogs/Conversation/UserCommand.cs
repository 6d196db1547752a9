namespace SupportBot.Dialogs.Conversation;

/// <summary>Commands that work in every state and language (SPEC §4), recognised from words in <c>locales/&lt;lang&gt;/commands.json</c> or buttons.</summary>
public enum UserCommand
{
    None,
    StartOver,
    Stop,
    Human,
    ChangeLanguage,
    MethodEmail,
    MethodSms,

    /// <summary>Prove with a saved recovery code (button only).</summary>
    MethodRecoveryCode,
    Resend,
    Yes,
    No,
}
