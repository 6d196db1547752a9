using SupportBot.Dialogs.Conversation;

namespace SupportBot.Dialogs.Understanding;

/// <summary>
/// Turns a message (text and, for buttons, a value) into the engine's <see cref="Conversation.MessageUnderstanding"/>:
/// button values are read exactly; text goes through commands, language names, entities and the recognizer.
/// </summary>
public sealed class UtteranceInterpreter(IIntentRecognizer recognizer, CommandLexicon commands, LanguageNames languageNames, ClaimLexicon? claims = null)
{
    private readonly ClaimLexicon _claims = claims ?? ClaimLexicon.Empty;

    private readonly IIntentRecognizer _recognizer = recognizer ?? throw new ArgumentNullException(nameof(recognizer));
    private readonly CommandLexicon _commands = commands ?? throw new ArgumentNullException(nameof(commands));
    private readonly LanguageNames _languageNames = languageNames ?? throw new ArgumentNullException(nameof(languageNames));

    /// <summary>Understands one message in <paramref name="language"/>.</summary>
    /// <param name="text">What the user typed (or the button's display text).</param>
    /// <param name="actionValue">The value of a pressed button, which wins over the text.</param>
    /// <param name="language">The conversation's language.</param>
    public Conversation.MessageUnderstanding Interpret(string? text, string? actionValue, string language)
    {
        if (!string.IsNullOrEmpty(actionValue) && ReadAction(actionValue) is { } fromButton)
        {
            return fromButton;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Conversation.MessageUnderstanding.Empty;
        }

        var entities = EntityExtractor.Extract(text);
        var command = _commands.Match(text, language);
        if (command != UserCommand.None)
        {
            return new Conversation.MessageUnderstanding(null, entities, command);
        }

        var understood = InterpretText(text, language, entities);
        return understood with { Claim = _claims.Match(text, language), RecoveryCodes = Verification.RecoveryCodeFormat.Find(text) };
    }

    private Conversation.MessageUnderstanding InterpretText(string text, string language, ExtractedEntities entities)
    {
        if (_languageNames.MatchWhole(text) is { } named)
        {
            return new Conversation.MessageUnderstanding(null, entities, UserCommand.ChangeLanguage, named);
        }

        var prediction = _recognizer.Recognize(text, RecognizerLanguage(language));
        if (prediction.Intent == Intent.ChangeLanguage)
        {
            var requested = _languageNames.Find(text);
            return new Conversation.MessageUnderstanding(prediction, entities, requested is null ? UserCommand.None : UserCommand.ChangeLanguage, requested);
        }

        return new Conversation.MessageUnderstanding(prediction, entities);
    }

    // A language without recognizer examples yet is understood with the first trained one rather than not at all.
    private string RecognizerLanguage(string language) =>
        _recognizer is LinearIntentRecognizer linear ? (linear.SupportsLanguage(language) ? language : linear.Languages.First())
        : _recognizer.Languages.Contains(language) ? language : _recognizer.Languages.First();

    private static Conversation.MessageUnderstanding? ReadAction(string value)
    {
        var none = ExtractedEntities.None;
        switch (value)
        {
            case "human": return new(null, none, UserCommand.Human);
            case "start-over": return new(null, none, UserCommand.StartOver);
            case "stop": return new(null, none, UserCommand.Stop);
            case "yes": return new(null, none, UserCommand.Yes);
            case "no": return new(null, none, UserCommand.No);
            case "resend": return new(null, none, UserCommand.Resend);
            case "method:email": return new(null, none, UserCommand.MethodEmail);
            case "method:sms": return new(null, none, UserCommand.MethodSms);
            case "method:recovery-code": return new(null, none, UserCommand.MethodRecoveryCode);
        }

        if (value.StartsWith("lang:", StringComparison.Ordinal) && value.Length > "lang:".Length)
        {
            return new(null, none, UserCommand.ChangeLanguage, value["lang:".Length..]);
        }

        if (value.StartsWith("problem:", StringComparison.Ordinal) && IntentLabels.FromLabel(value["problem:".Length..]) is { } problem)
        {
            return new(null, none, Problem: problem);
        }

        return null;
    }
}
