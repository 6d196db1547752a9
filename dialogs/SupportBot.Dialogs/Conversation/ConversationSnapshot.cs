using SupportBot.Dialogs.Understanding;

namespace SupportBot.Dialogs.Conversation;

/// <summary>
/// Everything the engine remembers between turns. Holds no secrets: no codes, no contacts, no identifier in
/// clear (the host keeps the verification session keyed by conversation).
/// </summary>
public sealed record ConversationSnapshot
{
    public RecoveryState State { get; init; } = RecoveryState.Start;

    /// <summary>The language replies are written in.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Whether the user chose the language (explicit choice beats every other signal, SPEC §6).</summary>
    public bool LanguageChosen { get; init; }

    /// <summary>ISO 3166 country whose support hours and rules apply.</summary>
    public string Country { get; init; } = "US";

    /// <summary>The first-line problem the user described, for the case and the help shown.</summary>
    public Intent? Problem { get; init; }

    /// <summary>The method the last code went out by (<c>email</c> or <c>sms</c>).</summary>
    public string? CodeMethod { get; init; }

    /// <summary>Proofs the verification service recorded for this conversation, and how many it requires.</summary>
    public int ProofsPassed { get; init; }

    public int ProofsRequired { get; init; } = 1;

    /// <summary>Methods already used for a passed proof; a second proof must use another one.</summary>
    public IReadOnlyList<string> MethodsPassed { get; init; } = [];

    public string? CaseId { get; init; }

    /// <summary>How many clarifying questions in a row; after two the bot offers buttons only.</summary>
    public int UnclearInARow { get; init; }

    /// <summary>When verification may be tried again after a lock, for the user's information.</summary>
    public DateTimeOffset? RetryAfter { get; init; }
}
