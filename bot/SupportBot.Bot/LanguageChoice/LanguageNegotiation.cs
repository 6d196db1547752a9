using SupportBot.Dialogs.Conversation;

namespace SupportBot.Bot.LanguageChoice;

/// <summary>The language step's outcome for one turn.</summary>
/// <param name="Snapshot">The snapshot with the language settled for this turn.</param>
/// <param name="State">The language state to store.</param>
/// <param name="Understanding">What to give the engine, or <see langword="null"/> when the bot asks a language question instead.</param>
/// <param name="Replies">Replies the language step says itself, each with the language it is written in, before the engine's.</param>
public sealed record LanguageNegotiation(
    ConversationSnapshot Snapshot,
    LanguageState State,
    MessageUnderstanding? Understanding,
    IReadOnlyList<(Reply Reply, string Language)> Replies);
