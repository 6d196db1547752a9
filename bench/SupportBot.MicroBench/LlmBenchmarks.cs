using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Redaction;
using SupportBot.Dialogs.Understanding;
using SupportBot.Dialogs.Understanding.Llm;

namespace SupportBot.MicroBench;

/// <summary>
/// What the optional LLM adds to a turn on the bot's side (the network call itself excluded). Unconfigured, nothing is
/// registered and the pipeline tests one null reference; configured, a confident message costs the consult policy only;
/// a message sent to the LLM costs the scrubber (redaction, masking, the extractor's re-check) and the prompt.
/// </summary>
[MemoryDiagnoser]
public class LlmBenchmarks
{
    private const string Message = "someone is posting strange things from my profile and I can't get in";

    private readonly MessageUnderstanding _confident = new(new IntentPrediction(Intent.AccountHacked, 0.93, Intent.LockedOut, 0.03), ExtractedEntities.None);
    private Redactor _redactor = null!;
    private LlmInputScrubber _scrubber = null!;
    private ScrubbedText _scrubbed = null!;

    [GlobalSetup]
    public void Setup()
    {
        var locales = RepositoryFiles.Path("locales");
        var files = Directory.GetDirectories(locales)
            .Select(folder => System.IO.Path.Combine(folder, "redaction.json"))
            .Where(File.Exists)
            .Select(path => (File.ReadAllText(path), System.IO.Path.GetRelativePath(locales, path)));
        _redactor = new Redactor(RedactionLexicon.Parse(files, File.ReadAllText(System.IO.Path.Combine(locales, "_meta", "redaction-patterns.json"))));
        _scrubber = new LlmInputScrubber(_redactor);
        _scrubbed = _scrubber.Scrub(Message)!;
    }

    [Benchmark(Description = "configured, confident message: consult policy says no")]
    public bool ConsultPolicyConfident() =>
        LlmConsultPolicy.ShouldConsult(RecoveryState.Triage, _confident, Message, structuredPayload: false, LlmConsultMode.Unsure, 0.45);

    [Benchmark(Baseline = true, Description = "for scale: the redaction every turn already runs")]
    public RedactionResult Redact() => _redactor.Redact(Message);

    [Benchmark(Description = "configured, message sent: scrub")]
    public ScrubbedText? Scrub() => _scrubber.Scrub(Message);

    [Benchmark(Description = "configured, message sent: prompt and options")]
    public (IReadOnlyList<ChatMessage>, ChatOptions) Prompt() => (LlmIntentPrompt.Messages(_scrubbed, "en"), LlmIntentPrompt.Options());

    [Benchmark(Description = "configured, answer parsed")]
    public LlmIntentOutcome Parse() => LlmAnswerParser.ParseText("""{"intent":"account_hacked","confidence":0.88}""", 0.5);
}
