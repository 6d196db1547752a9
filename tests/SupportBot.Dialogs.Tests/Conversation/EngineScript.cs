using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Dialogs.Tests.Conversation;

/// <summary>Drives the engine turn by turn the way the host does, keeping the snapshot and the last decision.</summary>
internal sealed class EngineScript
{
    private readonly RecoveryEngine _engine = new();
    private DateTimeOffset _now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public ConversationSnapshot Snapshot { get; private set; } = new();

    public TurnDecision Last { get; private set; } = null!;

    public SupportAvailability Availability { get; set; } = SupportAvailability.AlwaysOpen;

    public IReadOnlyList<string> ReplyKeys => [.. Last.Replies.Select(reply => reply.Key)];

    public IReadOnlyList<string> ActionValues => [.. Last.Replies.SelectMany(reply => reply.Actions).Select(action => action.Value)];

    public EngineScript Start() => Apply(TurnInput.Started(_now, Availability));

    public EngineScript Say(Intent intent, double confidence = 0.9, ExtractedEntities? entities = null) =>
        Apply(TurnInput.Message(new MessageUnderstanding(new IntentPrediction(intent, confidence, Intent.OutOfScope, 0.05), entities ?? ExtractedEntities.None), _now, Availability));

    public EngineScript Press(UserCommand command, string? language = null) =>
        Apply(TurnInput.Message(new MessageUnderstanding(null, ExtractedEntities.None, command, language), _now, Availability));

    public EngineScript PressProblem(Intent problem) =>
        Apply(TurnInput.Message(new MessageUnderstanding(null, ExtractedEntities.None, Problem: problem), _now, Availability));

    public EngineScript Type(ExtractedEntities entities) =>
        Apply(TurnInput.Message(new MessageUnderstanding(new IntentPrediction(Intent.OutOfScope, 0.2, Intent.Greeting, 0.1), entities), _now, Availability));

    public EngineScript Understand(MessageUnderstanding understanding) => Apply(TurnInput.Message(understanding, _now, Availability));

    public EngineScript Result(ServiceResult result) => Apply(TurnInput.FromResult(result, _now, Availability));

    public EngineScript Advance(TimeSpan by)
    {
        _now += by;
        return this;
    }

    public static ExtractedEntities Email(string email) => new([email], [], [], []);

    public static ExtractedEntities Code(string code) => new([], [], [code], []);

    private EngineScript Apply(TurnInput input)
    {
        Last = _engine.Decide(Snapshot, input with { OfferedLanguages = ["en", "fr", "ar"] });
        Snapshot = Last.Snapshot;
        return this;
    }
}
