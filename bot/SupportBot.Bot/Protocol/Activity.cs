using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Bot.Protocol;

/// <summary>
/// A Bot Framework activity (docs/protocol.md §2): camelCase on the wire, nulls omitted, and every field this
/// type does not name kept in <see cref="Properties"/> so that a round trip loses nothing.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<JsonElement>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? ReplyToId { get; set; }
    public JsonElement? Value { get; set; }
    public string? Name { get; set; }
    public ConversationReference? RelatesTo { get; set; }
    public string? DeliveryMode { get; set; }

    /// <summary>Fields the schema has and this type does not name; written back unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A reply to this activity: from and recipient swapped, conversation, locale and channel copied.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name, Role = "bot" },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, Role = From.Role },
        ReplyToId = Id,
        Locale = Locale,
        Text = text,
    };

    /// <summary>A copy of this activity's fields; nested objects are shared, so change only the copy's own fields.</summary>
    internal Activity ShallowCopy() => (Activity)MemberwiseClone();

    /// <summary>The reference a later message needs to reach this conversation again.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };
}
