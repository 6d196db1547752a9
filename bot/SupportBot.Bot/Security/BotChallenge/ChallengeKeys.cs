using Microsoft.Extensions.Options;
using SupportBot.Bot.Hosting;

namespace SupportBot.Bot.Security.BotChallenge;

/// <summary>The challenge-signing key: <c>Security:BotChallenge:Key</c>, else a key file in the data folder (as the audit and verification keys).</summary>
internal static class ChallengeKeys
{
    public const int MinimumBytes = 32;

    public static byte[]? TryDecode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static byte[] Load(IServiceProvider provider, string dataDirectory)
    {
        var options = provider.GetRequiredService<IOptions<BotChallengeOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            // Validated at start-up: base64 of at least MinimumBytes bytes.
            return TryDecode(options.Key)!;
        }

        var path = options.KeyPath is { Length: > 0 } configured ? configured : Path.Combine(dataDirectory, "keys", "challenge.key");
        return KeyFile.LoadOrCreate(path, MinimumBytes);
    }
}
