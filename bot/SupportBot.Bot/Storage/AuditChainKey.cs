using System.Security.Cryptography;

namespace SupportBot.Bot.Storage;

/// <summary>
/// The secret that keys the audit chain's HMACs. It lives outside the database (a key file, or <c>Audit:Key</c>
/// from a vault), so having the database is not enough to forge a chain that verifies.
/// </summary>
public sealed class AuditChainKey
{
    public const int MinimumBytes = 32;

    public AuditChainKey(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < MinimumBytes)
        {
            throw new ArgumentException($"The audit key needs at least {MinimumBytes} bytes.", nameof(bytes));
        }

        Bytes = bytes;
    }

    internal byte[] Bytes { get; }

    /// <summary>A MAC over the anchor's fields, with a purpose label so it can never be mistaken for a record hash.</summary>
    internal string MacOf(string text) => Mac("supportbot.audit.anchor.v1\n", text);

    /// <summary>A MAC over a retention checkpoint's fields, labelled apart from anchors and record hashes.</summary>
    internal string CheckpointMacOf(string text) => Mac("supportbot.audit.checkpoint.v1\n", text);

    private string Mac(string purpose, string text)
    {
        var data = System.Text.Encoding.UTF8.GetBytes(purpose + text);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Bytes, data));
    }
}
