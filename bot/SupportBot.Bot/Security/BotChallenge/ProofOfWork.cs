using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Bot.Security.BotChallenge;

/// <summary>The ALTCHA v1 arithmetic, with nothing of the host in it: the challenge hash and its signature.</summary>
internal static class ProofOfWork
{
    public const string Algorithm = "SHA-256";

    /// <summary>hex(SHA-256(salt + number)), lower case: what the client searches for.</summary>
    public static string ChallengeOf(string salt, long number)
    {
        var input = Encoding.UTF8.GetBytes(salt + number.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    /// <summary>hex(HMAC-SHA-256(key, challenge)), lower case.</summary>
    public static string SignatureOf(byte[] key, string challenge) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(challenge)));

    /// <summary>
    /// A salt of 12 random bytes with its expiry as a query part. It ends in <c>&amp;</c> so no number appended to it
    /// can be read as part of the expiry (the splicing weakness of early ALTCHA libraries).
    /// </summary>
    public static string NewSalt(DateTimeOffset expires) =>
        $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}?expires={expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}&";

    /// <summary>The expiry written into a salt by <see cref="NewSalt"/>, or <see langword="null"/> when it has none.</summary>
    public static DateTimeOffset? ExpiresOf(string salt)
    {
        var query = salt.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }

        foreach (var part in salt[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("expires=", StringComparison.Ordinal)
                && long.TryParse(part.AsSpan("expires=".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }

        return null;
    }
}
