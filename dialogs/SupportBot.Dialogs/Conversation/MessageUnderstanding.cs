using SupportBot.Dialogs.Understanding;

namespace SupportBot.Dialogs.Conversation;

/// <summary>What the understanding step made of a user message: intent, entities, a command, a language asked for.</summary>
/// <param name="Prediction">The recognizer's intent, or <see langword="null"/> when the text was empty.</param>
/// <param name="Entities">Emails, phones, codes, usernames found in the text.</param>
/// <param name="Command">A global command or a button's meaning.</param>
/// <param name="RequestedLanguage">A language the user asked for by name or button, e.g. <c>fr</c>.</param>
/// <param name="Problem">For a problem button, the intent it stands for.</param>
public sealed record MessageUnderstanding(
    IntentPrediction? Prediction,
    ExtractedEntities Entities,
    UserCommand Command = UserCommand.None,
    string? RequestedLanguage = null,
    Intent? Problem = null)
{
    public static MessageUnderstanding Empty { get; } = new(null, ExtractedEntities.None);

    /// <summary>Personal facts offered as proof, or a contact change asked for: refused whatever the state.</summary>
    public UserClaim Claim { get; init; }

    /// <summary>Saved recovery codes in the message (canonical form), read only where the bot asked for one.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; init; } = [];
}
