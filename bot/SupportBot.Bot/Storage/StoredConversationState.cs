namespace SupportBot.Bot.Storage;

/// <summary>A conversation's state as last saved, with the version to name in the next save.</summary>
public sealed record StoredConversationState(string ConversationId, string StateJson, long Version, DateTimeOffset UpdatedAt);
