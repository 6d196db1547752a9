namespace SupportBot.Bot.Storage;

/// <summary>Cases (one per verified escalation) and the queue agents take them from.</summary>
public interface ICaseStore
{
    /// <summary>Creates a case; its status is <see cref="CaseRecord.Status"/> as given.</summary>
    Task CreateAsync(CaseRecord record, CancellationToken cancellationToken);

    Task<CaseRecord?> GetAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The newest case of a conversation, or <see langword="null"/>.</summary>
    Task<CaseRecord?> FindByConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Cases newest first, optionally only those with one status.</summary>
    Task<IReadOnlyList<CaseRecord>> ListAsync(string? status, int maxCount, CancellationToken cancellationToken);

    /// <summary>Changes the status if it is still <paramref name="expectedStatus"/>; returns whether it did.</summary>
    Task<bool> TransitionAsync(string caseId, string expectedStatus, string newStatus, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>1-based place in the queue among cases with status <c>queued</c> (oldest first), or <see langword="null"/>.</summary>
    Task<int?> GetQueuePositionAsync(string caseId, CancellationToken cancellationToken);
}
