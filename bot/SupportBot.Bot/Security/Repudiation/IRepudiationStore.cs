namespace SupportBot.Bot.Security.Repudiation;

/// <summary>"This wasn't me" codes, kept only as keyed hashes, and whether a case was repudiated.</summary>
public interface IRepudiationStore
{
    Task CreateAsync(byte[] codeHash, string caseId, string accountRef, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Marks the code's case repudiated (the first time only) and returns it; null for an unknown or expired code.</summary>
    Task<RepudiatedCase?> RepudiateAsync(byte[] codeHash, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>When the case was repudiated, or null: the agent console shows this flag.</summary>
    Task<DateTimeOffset?> RepudiatedAtAsync(string caseId, CancellationToken cancellationToken);
}

/// <param name="FirstTime">False when the owner had already used a code for this case.</param>
public sealed record RepudiatedCase(string CaseId, string AccountRef, bool FirstTime);
