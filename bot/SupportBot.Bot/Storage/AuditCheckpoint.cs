using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Bot.Storage;

/// <summary>
/// Where the audit chain starts after retention pruned its oldest records: the sequence and hash of the last
/// pruned record, MACed with the chain key. Verification starts from it (the first kept record must name this hash
/// as its predecessor), so an edit, deletion or reordering after it still breaks the chain, and records deleted
/// without a checkpoint (or with a forged one) still show.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset CreatedAt, string Mac)
{
    /// <summary>A checkpoint for the record at <paramref name="sequence"/> with <paramref name="hash"/>, MACed now.</summary>
    public static AuditCheckpoint Create(AuditChainKey key, long sequence, string hash, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new AuditCheckpoint(sequence, hash, createdAt, key.CheckpointMacOf(Body(sequence, hash, createdAt)));
    }

    /// <summary>Whether the MAC matches: only the holder of the audit key can write a checkpoint.</summary>
    public bool IsAuthentic(AuditChainKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var expected = key.CheckpointMacOf(Body(Sequence, Hash, CreatedAt));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Mac));
    }

    private static string Body(long sequence, string hash, DateTimeOffset createdAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{sequence}\n{hash}\n{createdAt.UtcTicks}");
}
