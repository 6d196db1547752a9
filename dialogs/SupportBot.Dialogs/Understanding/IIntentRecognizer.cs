namespace SupportBot.Dialogs.Understanding;

/// <summary>Classifies an utterance into one of the first-line intents of a language.</summary>
public interface IIntentRecognizer
{
    /// <summary>The languages this recognizer was trained for.</summary>
    IReadOnlyCollection<string> Languages { get; }

    /// <summary>Predicts the intent of <paramref name="text"/> in <paramref name="language"/>.</summary>
    IntentPrediction Recognize(string text, string language);
}
