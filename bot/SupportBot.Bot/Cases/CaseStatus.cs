namespace SupportBot.Bot.Cases;

/// <summary>The statuses a case moves through, as stored.</summary>
public static class CaseStatus
{
    public const string Queued = "queued";
    public const string AfterHours = "after_hours";
    public const string WithAgent = "with_agent";
    public const string Resolved = "resolved";
    public const string Cancelled = "cancelled";
}
