using SupportBot.Bot.Localization;
using SupportBot.Dialogs.LanguageDetection;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Bot.LanguageChoice;

/// <summary>The two locally trained models of understanding, with how long each took to train.</summary>
/// <param name="RecognizerTime">CPU time (all threads) spent training the recognizer.</param>
/// <param name="DetectorTime">CPU time spent training the language detector.</param>
public sealed record NluModels(LinearIntentRecognizer Recognizer, LanguageDetector Detector, TimeSpan RecognizerTime, TimeSpan DetectorTime)
{
    /// <summary>Trains one intent recognizer per language with <c>intents.json</c> and the language detector.</summary>
    /// <exception cref="IntentTrainingDataException">A language's examples are invalid.</exception>
    /// <exception cref="InvalidOperationException">No language has recognizer examples.</exception>
    public static NluModels Train(LocaleFolder locales, LanguageDetectorOptions? detection = null)
    {
        ArgumentNullException.ThrowIfNull(locales);
        var start = Environment.CpuUsage.TotalTime;
        var recognizer = TrainRecognizer(locales);
        var middle = Environment.CpuUsage.TotalTime;
        var detector = LanguageDetectorLoader.Train(locales, detection);
        return new NluModels(recognizer, detector, middle - start, Environment.CpuUsage.TotalTime - middle);
    }

    /// <summary>One classifier per language that has <c>locales/&lt;lang&gt;/intents*.json</c>.</summary>
    public static LinearIntentRecognizer TrainRecognizer(LocaleFolder locales)
    {
        ArgumentNullException.ThrowIfNull(locales);
        var sets = locales.Languages
            .SelectMany(language => Directory.GetFiles(Path.Combine(locales.Root, language), "intents*.json").Order(StringComparer.Ordinal))
            .Select(path => IntentTrainingSet.Parse(File.ReadAllText(path), Path.GetRelativePath(locales.Root, path)))
            .ToList();
        return sets.Count > 0
            ? LinearIntentRecognizer.Train(sets)
            : throw new InvalidOperationException($"No recognizer examples found: expected {locales.Root}/<language>/intents.json.");
    }
}
