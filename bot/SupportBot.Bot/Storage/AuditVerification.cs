namespace SupportBot.Bot.Storage;

/// <summary>The result of walking the audit chain.</summary>
public abstract record AuditVerification
{
    private AuditVerification() { }

    /// <summary>
    /// Every record fits; <paramref name="Count"/> records were checked, starting after the retention checkpoint at
    /// <paramref name="CheckpointSequence"/> (0: from the first record ever written).
    /// </summary>
    public sealed record Intact(long Count, long CheckpointSequence = 0) : AuditVerification;

    /// <summary>The chain breaks at <paramref name="Sequence"/>: edited, deleted, inserted or reordered.</summary>
    public sealed record Broken(long Sequence, string Reason) : AuditVerification;
}
