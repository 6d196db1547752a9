using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Agents;

/// <summary>Agent accounts and the agent side of cases.</summary>
public interface IAgentStore
{
    /// <summary>Creates an account; returns <see langword="false"/> if the username is taken.</summary>
    Task<bool> CreateAsync(AgentAccount account, CancellationToken cancellationToken);

    Task<AgentAccount?> FindByUsernameAsync(string username, CancellationToken cancellationToken);

    Task<AgentAccount?> GetAsync(string agentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<AgentAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Records a failed sign-in and, at <paramref name="lockAt"/> failures, locks the account until <paramref name="lockedUntil"/>.</summary>
    Task RecordFailedSignInAsync(string agentId, int lockAt, DateTimeOffset lockedUntil, CancellationToken cancellationToken);

    /// <summary>Clears the failure count after a good sign-in.</summary>
    Task RecordSignInAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>Open cases (queued, after hours, with an agent), oldest first, with their handling.</summary>
    Task<IReadOnlyList<(CaseRecord Case, CaseHandling Handling)>> ListOpenCasesAsync(CancellationToken cancellationToken);

    Task<CaseHandling> GetHandlingAsync(string caseId, CancellationToken cancellationToken);

    Task SaveHandlingAsync(CaseHandling handling, DateTimeOffset at, CancellationToken cancellationToken);
}
