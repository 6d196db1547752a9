namespace SupportBot.Dialogs.Conversation;

/// <summary>Whether live support can take a case now for the user's country and language, and when it opens next.</summary>
public sealed record SupportAvailability(bool IsOpen, DateTimeOffset? NextOpening)
{
    public static SupportAvailability AlwaysOpen { get; } = new(true, null);
}
