using BenchmarkDotNet.Attributes;
using SupportBot.Dialogs.LanguageDetection;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.MicroBench;

/// <summary>
/// Every launch language at once: recognition per utterance with 15 models loaded, language detection per
/// utterance, and the start-up training of all 15 recognizers (in parallel, as the host does) and of the detector
/// (from the recognizer examples only here; the host adds catalog text).
/// </summary>
[MemoryDiagnoser]
public class MultilingualBenchmarks
{
    private static readonly (string Language, string Text)[] s_utterances =
    [
        ("en", "someone changed my password and email"),
        ("fr", "je n'arrive plus à me connecter à mon compte"),
        ("es", "me hackearon la cuenta y cambiaron el correo"),
        ("de", "ich habe mein Passwort vergessen"),
        ("ar", "حسابي اتهكر ومش قادر أدخل"),
        ("ar", "7sabi et7ak w mesh 3aref a3mel eh"),
        ("hi", "mera account hack ho gaya hai"),
        ("ur", "میرا اکاؤنٹ ہیک ہو گیا ہے"),
        ("bn", "আমার অ্যাকাউন্ট হ্যাক হয়েছে"),
        ("fil", "na-hack yung account ko, ano gagawin ko"),
    ];

    private IntentTrainingSet[] _sets = null!;
    private LinearIntentRecognizer _recognizer = null!;
    private LanguageDetector _detector = null!;

    [GlobalSetup]
    public void Setup()
    {
        var locales = RepositoryFiles.Path("locales");
        _sets = [.. Directory.GetDirectories(locales)
            .Select(folder => System.IO.Path.Combine(folder, "intents.json"))
            .Where(File.Exists)
            .Select(path => IntentTrainingSet.Parse(File.ReadAllText(path), path))];
        _recognizer = LinearIntentRecognizer.Train(_sets);
        _detector = TrainDetector();
    }

    [Benchmark(OperationsPerInvoke = 10)]
    public Intent RecognizeUtterance()
    {
        var last = Intent.OutOfScope;
        foreach (var (language, text) in s_utterances)
        {
            last = _recognizer.Recognize(text, language).Intent;
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = 10)]
    public string? DetectLanguage()
    {
        string? last = null;
        foreach (var (_, text) in s_utterances)
        {
            last = _detector.Detect(text).Language;
        }

        return last;
    }

    [Benchmark]
    public LinearIntentRecognizer TrainAllRecognizers() => LinearIntentRecognizer.Train(_sets);

    [Benchmark]
    public LanguageDetector TrainDetector() =>
        LanguageDetector.Train(_sets.SelectMany(set => set.Examples.Values.SelectMany(list => list).Select(text => new LanguageSample(set.Language, text))));
}
