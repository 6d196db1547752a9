namespace SupportBot.Bot.Storage;

/// <summary>
/// A verified case. <see cref="EvidenceJson"/> comes from the verification service, never from the transcript;
/// <see cref="AccountRef"/> is a pseudonymous account id, not a contact.
/// </summary>
public sealed record CaseRecord(
    string CaseId,
    string ConversationId,
    string ChannelId,
    string Language,
    string Country,
    string Intent,
    string Status,
    string AccountRef,
    string EvidenceJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
