namespace SupportBot.Bot.Reports;

/// <summary>A conversation as the report sees it: where it happened, what it was about and how it stands now.</summary>
public sealed record RawConversation(
    string ConversationId, DateTimeOffset CreatedAt, string Country, string Language, string? Problem, string State, string? CaseId);

/// <summary>A case as the report sees it; <see cref="ClosedAt"/> is set once it is resolved or cancelled.</summary>
public sealed record RawCase(
    string CaseId, string ConversationId, string Country, string Language, string AccountRef, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt);

/// <summary>An audit record of a type the report reads.</summary>
public sealed record RawEvent(string Type, DateTimeOffset At, string Actor, string? ConversationId, string? CaseId, string DataJson);

/// <summary>Everything the report computes from, read in one go from the raw tables.</summary>
public sealed record ReportRawData(IReadOnlyList<RawConversation> Conversations, IReadOnlyList<RawCase> Cases, IReadOnlyList<RawEvent> Events)
{
    /// <summary>The earliest instant any raw row carries, or null when there is nothing yet.</summary>
    public DateTimeOffset? Earliest =>
        Conversations.Select(c => (DateTimeOffset?)c.CreatedAt)
            .Concat(Cases.Select(c => (DateTimeOffset?)c.CreatedAt))
            .Concat(Events.Select(e => (DateTimeOffset?)e.At))
            .Min();
}
