namespace SupportBot.Dialogs.LanguageDetection;

/// <summary>What <see cref="LanguageDetector.Detect(string)"/> made of a message.</summary>
/// <param name="Language">The most likely language, or <see langword="null"/> when the text has no letters.</param>
/// <param name="Confidence">Its probability.</param>
/// <param name="IsSure">
/// Whether the detector is sure enough to act on its own; when not, the bot asks the user (with
/// <see cref="Candidates"/> as buttons) instead of switching.
/// </param>
/// <param name="Candidates">
/// The languages worth offering, best first: the top one and any other close enough to it. Romanised Hindi and
/// romanised Urdu are often both here, because in Latin script they are the same words.
/// </param>
public sealed record DetectedLanguage(string? Language, double Confidence, bool IsSure, IReadOnlyList<LanguageCandidate> Candidates)
{
    /// <summary>The outcome for text with nothing to go on (empty, digits, emoji).</summary>
    public static DetectedLanguage Unknown { get; } = new(null, 0, false, []);
}
