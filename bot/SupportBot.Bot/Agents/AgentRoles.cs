namespace SupportBot.Bot.Agents;

/// <summary>Console roles. A supervisor sees every queue; an agent sees the cases of their languages and countries.</summary>
public static class AgentRoles
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";

    public static bool IsKnown(string role) => role is Agent or Supervisor;
}
