namespace SupportBot.Bot.Agents;

/// <summary>
/// What the agent side records about a case beside its status: the agent holding it, a transfer target, the
/// outcome and the user's rating. A case nobody touched yet has none (<see cref="None"/>).
/// </summary>
public sealed record CaseHandling(
    string CaseId,
    string? AgentId,
    string? TargetLanguage,
    string? TargetCountry,
    string? TargetAgentId,
    DateTimeOffset? AcceptedAt,
    string? Outcome,
    DateTimeOffset? ResolvedAt,
    string? Rating,
    DateTimeOffset? RatedAt,
    string? HubState)
{
    public static CaseHandling None(string caseId) => new(caseId, null, null, null, null, null, null, null, null, null, null);
}
