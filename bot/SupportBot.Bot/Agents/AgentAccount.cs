namespace SupportBot.Bot.Agents;

/// <summary>
/// A console account. <see cref="Languages"/> and <see cref="Countries"/> decide which cases the agent may see
/// (<c>*</c> in countries means every country); <see cref="ConsoleLanguage"/> is the language of the console itself.
/// </summary>
public sealed record AgentAccount(
    string AgentId,
    string Username,
    string DisplayName,
    string PasswordHash,
    string Role,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Countries,
    string ConsoleLanguage,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt)
{
    public bool IsSupervisor => Role == AgentRoles.Supervisor;

    /// <summary>Whether this agent may see and work a case in <paramref name="language"/> for <paramref name="country"/>.</summary>
    public bool Covers(string language, string country) =>
        IsSupervisor
        || (Languages.Contains(language, StringComparer.OrdinalIgnoreCase)
            && (Countries.Contains("*") || Countries.Contains(country, StringComparer.OrdinalIgnoreCase)));
}
