using BenchmarkDotNet.Attributes;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.MicroBench;

/// <summary>
/// The local recognizer's two budgets (SPEC §10): at most 20 µs per utterance, and start-up training fast enough
/// that 15 languages load in 1.5 s. Each recognition run classifies a mix of short and long, clean and noisy
/// messages, so the figure is per utterance.
/// </summary>
[MemoryDiagnoser]
public class RecognizerBenchmarks
{
    private static readonly string[] s_utterances =
    [
        "hi",
        "i cant log in it says suspicious activity",
        "someone changed my password and email",
        "got an email from meta security saying my account will be deleted is it real",
        "real person pls",
        "helllp i forgott my pasword!!!",
        "yes",
        "my phone was stolen and the authenticator app was on it, i have no backup codes, what can i do now?",
        "Mi cuenta fue hackeada, ¿qué hago?",
        "no thanks bye",
    ];

    private IntentTrainingSet _english = null!;
    private LinearIntentRecognizer _recognizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = RepositoryFiles.Path(Path.Combine("locales", "en", "intents.json"));
        _english = IntentTrainingSet.Parse(File.ReadAllText(path), "locales/en/intents.json");
        _recognizer = LinearIntentRecognizer.Train([_english]);
    }

    /// <summary>One utterance on average (the mix above, divided by its length).</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public Intent RecognizeUtterance()
    {
        var last = Intent.OutOfScope;
        foreach (var utterance in s_utterances)
        {
            last = _recognizer.Recognize(utterance, "en").Intent;
        }

        return last;
    }

    /// <summary>Start-up cost of English: the whole of <c>Train</c> on the parsed data.</summary>
    [Benchmark]
    public LinearIntentRecognizer TrainEnglish() => LinearIntentRecognizer.Train([_english]);

    /// <summary>Reading the JSON, which start-up also pays, with its validation.</summary>
    [Benchmark]
    public IntentTrainingSet ParseEnglish() =>
        IntentTrainingSet.Parse(File.ReadAllText(RepositoryFiles.Path(Path.Combine("locales", "en", "intents.json"))), "en");

    /// <summary>Entity extraction of one typical message with an email, a phone number and a code.</summary>
    [Benchmark]
    public ExtractedEntities ExtractEntities() =>
        EntityExtractor.Extract("it was jane_doe99@gmail.com and +44 7700 900123 before, my code is 123 456, profile instagram.com/jane.doe");
}
