namespace SupportBot.Bot.Storage;

/// <summary>
/// Append-only, hash-chained record of every verification step, escalation and agent action. Each record's
/// hash covers its content and the previous record's hash, so an edit, deletion or reordering breaks the chain.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends a record at the end of the chain and returns it with its sequence and hash.</summary>
    /// <remarks>
    /// The stored and returned <see cref="AuditEvent.At"/> is cut to whole microseconds (UTC), the precision every
    /// provider keeps; the hash is <see cref="AuditChain"/>'s, the same for every provider.
    /// </remarks>
    Task<AuditRecord> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>Records after <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken);

    /// <summary>Walks the whole chain and reports the first record that does not fit.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken);
}
