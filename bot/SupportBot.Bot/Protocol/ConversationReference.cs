namespace SupportBot.Bot.Protocol;

/// <summary>Enough of a conversation to send to it later (Bot Builder's <c>ConversationReference</c>).</summary>
public sealed class ConversationReference
{
    public string? ActivityId { get; set; }
    public ChannelAccount? User { get; set; }
    public ChannelAccount? Bot { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ChannelId { get; set; }
    public string? Locale { get; set; }
    public string? ServiceUrl { get; set; }
}
