namespace SupportBot.Bot.Agents;

/// <summary>
/// Something the consoles should know now, sent over server-sent events. <see cref="Language"/> and
/// <see cref="Country"/> are the case's queue, so each console receives only the events of cases it may see.
/// </summary>
/// <param name="Type"><c>queue</c> (the queue changed), <c>message</c> (a new line in a case's chat), <c>case</c> (a case changed).</param>
public sealed record AgentEvent(string Type, string? CaseId, string Language, string Country, string? TargetAgentId, object? Data);
