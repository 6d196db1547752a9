namespace SupportBot.Dialogs.Understanding;

/// <summary>What the recognizer thinks an utterance means, with a probability in [0,1].</summary>
/// <param name="Intent">The most likely intent.</param>
/// <param name="Confidence">Its probability.</param>
/// <param name="RunnerUp">The second most likely intent, offered when the bot asks a clarifying question.</param>
/// <param name="RunnerUpConfidence">Its probability.</param>
public sealed record IntentPrediction(Intent Intent, double Confidence, Intent RunnerUp, double RunnerUpConfidence);
