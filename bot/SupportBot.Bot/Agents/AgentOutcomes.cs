namespace SupportBot.Bot.Agents;

/// <summary>The outcome codes an agent resolves a case with; the user sees each in their language (<c>case.resolved</c>).</summary>
public static class AgentOutcomes
{
    public static IReadOnlyList<string> All { get; } = ["restored", "not_owner", "needs_documents", "duplicate", "other"];

    /// <summary>The ratings a user can give after a case is closed (buttons).</summary>
    public static IReadOnlyList<string> Ratings { get; } = ["good", "okay", "poor"];
}
