using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Bot.Accounts;

/// <summary>
/// Saved recovery codes at rest: PBKDF2-SHA-256 with a per-code salt (docs/security.md C3 allows a low work factor;
/// the codes carry 80 random bits). Comparison is constant-time.
/// </summary>
public static class RecoveryCodeHasher
{
    public const int Iterations = 2_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static (byte[] Salt, byte[] Hash) Hash(string canonicalCode)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return (salt, Derive(salt, canonicalCode));
    }

    public static bool Matches(byte[] salt, byte[] expected, string canonicalCode) =>
        CryptographicOperations.FixedTimeEquals(Derive(salt, canonicalCode), expected);

    /// <summary>A fresh random code in canonical form (16 symbols, 80 bits from the CSPRNG).</summary>
    public static string NewCode()
    {
        Span<char> symbols = stackalloc char[Dialogs.Verification.RecoveryCodeFormat.Length];
        for (var i = 0; i < symbols.Length; i++)
        {
            symbols[i] = Dialogs.Verification.RecoveryCodeFormat.Alphabet[RandomNumberGenerator.GetInt32(32)];
        }

        var code = new string(symbols);
        return Dialogs.Verification.RecoveryCodeFormat.Normalize(code) ?? NewCode();
    }

    private static byte[] Derive(byte[] salt, string canonicalCode) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(canonicalCode), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
}
