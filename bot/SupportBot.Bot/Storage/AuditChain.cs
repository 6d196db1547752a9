using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Bot.Storage;

/// <summary>
/// The audit log's hash chain, shared by every provider so a log written by one can be verified by another.
/// </summary>
/// <remarks>
/// <para>
/// <c>hash = lowercase hex HMAC-SHA-256(key, encoding)</c>, where the encoding is, in order: the previous hash, the
/// sequence, the event type, the time, the actor, the conversation id, the case id, the account reference and
/// the data. Strings are a presence byte (0 for null, 1 otherwise), a 4-byte big-endian length and the UTF-8
/// bytes; the sequence and the time (whole microseconds since the Unix epoch, UTC) are 8-byte big-endian
/// integers. Every field carries its own length, so text cannot be moved from one field to its neighbour
/// without changing the hash.
/// </para>
/// <para>
/// The sequence is hashed too, so a record moved to another place in the chain no longer fits there even if its
/// previous hash were rewritten. Times are cut to microseconds because that is what PostgreSQL keeps.
/// </para>
/// <para>
/// The hash is keyed (<see cref="AuditChainKey"/>, kept apart from the data): someone who can write the database
/// but not read the key cannot re-hash a forged chain from the edited record to the end, which a plain hash allows.
/// The end of the chain is anchored separately (<see cref="AuditAnchor"/>), so cutting records off the tail shows too.
/// </para>
/// </remarks>
internal static class AuditChain
{
    /// <summary>The previous hash of the first record: 64 zeros.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>The event as it will be stored and hashed: time in UTC, cut to whole microseconds.</summary>
    public static AuditEvent Normalize(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var utcTicks = auditEvent.At.UtcTicks;
        var at = new DateTimeOffset(utcTicks - (utcTicks % TicksPerMicrosecond), TimeSpan.Zero);
        return auditEvent with { At = at };
    }

    /// <summary>The hash of the record at <paramref name="sequence"/> that follows <paramref name="previousHash"/>.</summary>
    public static string ComputeHash(AuditChainKey key, long sequence, string previousHash, AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(auditEvent);

        var buffer = new ArrayBufferWriter<byte>(256 + auditEvent.DataJson.Length);
        WriteString(buffer, previousHash);
        WriteInt64(buffer, sequence);
        WriteString(buffer, auditEvent.Type);
        WriteInt64(buffer, (auditEvent.At.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond);
        WriteString(buffer, auditEvent.Actor);
        WriteString(buffer, auditEvent.ConversationId);
        WriteString(buffer, auditEvent.CaseId);
        WriteString(buffer, auditEvent.AccountRef);
        WriteString(buffer, auditEvent.DataJson);

        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key.Bytes, buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    private static void WriteInt64(ArrayBufferWriter<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(sizeof(long)), value);
        buffer.Advance(sizeof(long));
    }

    private static void WriteString(ArrayBufferWriter<byte> buffer, string? value)
    {
        var header = buffer.GetSpan(1 + sizeof(int));
        if (value is null)
        {
            header[0] = 0;
            buffer.Advance(1);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        header[0] = 1;
        BinaryPrimitives.WriteInt32BigEndian(header[1..], length);
        buffer.Advance(1 + sizeof(int));
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
    }
}
