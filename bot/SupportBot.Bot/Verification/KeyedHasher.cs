using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Bot.Verification;

/// <summary>HMAC-SHA-256 under the server's key: code hashes (with a per-code salt) and pseudonymous ids.</summary>
public sealed class KeyedHasher(byte[] key)
{
    private readonly byte[] _key = key.Length >= 32 ? key : throw new ArgumentException("The HMAC key needs at least 32 bytes.", nameof(key));

    public byte[] HashCode(byte[] salt, string code)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(code);
        var codeBytes = Encoding.UTF8.GetBytes(code);
        var input = new byte[salt.Length + codeBytes.Length];
        salt.CopyTo(input, 0);
        codeBytes.CopyTo(input, salt.Length);
        return HMACSHA256.HashData(_key, input);
    }

    /// <summary>Compares in constant time, so the time taken says nothing about how much of the code was right.</summary>
    public bool Matches(byte[] salt, byte[] expectedHash, string code) =>
        CryptographicOperations.FixedTimeEquals(HashCode(salt, code), expectedHash);

    /// <summary>A stable pseudonym for a value, e.g. the account key of an identifier that matched nothing.</summary>
    public string Pseudonym(string purpose, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(purpose + "\n" + value)))[..24];
}
