namespace SupportBot.Dialogs.Conversation;

/// <summary>Everything the engine needs to decide one step; built by the host, never mutated.</summary>
public sealed record TurnInput
{
    public required InputKind Kind { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>The understanding of a <see cref="InputKind.Message"/>.</summary>
    public MessageUnderstanding Understanding { get; init; } = MessageUnderstanding.Empty;

    /// <summary>The result of an effect, for <see cref="InputKind.ServiceResult"/>.</summary>
    public ServiceResult? Result { get; init; }

    /// <summary>Support availability for the user's country and language at <see cref="Now"/>.</summary>
    public SupportAvailability Availability { get; init; } = SupportAvailability.AlwaysOpen;

    /// <summary>Languages the user may switch to (their country's offer, or every shipped language).</summary>
    public IReadOnlyList<string> OfferedLanguages { get; init; } = ["en"];

    public static TurnInput Started(DateTimeOffset now, SupportAvailability availability) =>
        new() { Kind = InputKind.ConversationStarted, Now = now, Availability = availability };

    public static TurnInput Message(MessageUnderstanding understanding, DateTimeOffset now, SupportAvailability availability) =>
        new() { Kind = InputKind.Message, Understanding = understanding, Now = now, Availability = availability };

    public static TurnInput FromResult(ServiceResult result, DateTimeOffset now, SupportAvailability availability) =>
        new() { Kind = InputKind.ServiceResult, Result = result, Now = now, Availability = availability };
}
