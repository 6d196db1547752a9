using BenchmarkDotNet.Attributes;
using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.MicroBench;

/// <summary>The engine's share of a turn: one <c>Decide</c>, from a message to the next snapshot, replies and effects.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private readonly RecoveryEngine _engine = new();
    private readonly ConversationSnapshot _triage = new() { State = RecoveryState.Triage };
    private readonly TurnInput _hacked = TurnInput.Message(
        new MessageUnderstanding(new IntentPrediction(Intent.AccountHacked, 0.95, Intent.LockedOut, 0.02), ExtractedEntities.None),
        DateTimeOffset.UnixEpoch, SupportAvailability.AlwaysOpen);

    [Benchmark]
    public TurnDecision DecideHackedInTriage() => _engine.Decide(_triage, _hacked);

    [Benchmark]
    public ExtractedEntities ExtractEntities() => EntityExtractor.Extract("someone hacked my account and changed my email to bad@example.com");
}
