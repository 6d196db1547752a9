namespace SupportBot.Dialogs.Conversation;

/// <summary>Whether live support can take a case now for the user's country and language, and when it opens next.</summary>
public sealed record SupportAvailability(bool IsOpen, DateTimeOffset? NextOpening)
{
    public static SupportAvailability AlwaysOpen { get; } = new(true, null);

    /// <summary>
    /// Whether the user's country has agents in chat at all. When it has none (a draft country, or chat without
    /// agents) a verified user is never queued: the bot says what it can do instead.
    /// </summary>
    public bool LiveChatOffered { get; init; } = true;

    /// <summary>No agents in chat for this country: self-help and a case number to come back with.</summary>
    public static SupportAvailability NoLiveChat { get; } = new(false, null) { LiveChatOffered = false };
}
