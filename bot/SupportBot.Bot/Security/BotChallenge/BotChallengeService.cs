using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Security.BotChallenge;

/// <summary>
/// Issues signed, expiring proof-of-work challenges and checks solutions: signature, work, expiry, then single use.
/// Stateless until redemption (the challenge carries its own signature and expiry), so issuing costs one hash and one
/// HMAC and stores nothing but the adaptive counter.
/// </summary>
public sealed class BotChallengeService
{
    /// <summary>Longer payloads are refused unread: a real one is about 300 characters.</summary>
    public const int MaxPayloadLength = 2048;

    private readonly byte[] _key;
    private readonly BotChallengeOptions _options;
    private readonly AdaptiveDifficulty _difficulty;
    private readonly SqliteBotChallengeStore _store;
    private readonly TimeProvider _timeProvider;

    internal BotChallengeService(byte[] key, IOptions<BotChallengeOptions> options, AdaptiveDifficulty difficulty, SqliteBotChallengeStore store, TimeProvider timeProvider)
    {
        _key = key;
        _options = options.Value;
        _difficulty = difficulty;
        _store = store;
        _timeProvider = timeProvider;
    }

    /// <summary>A fresh challenge for a client at <paramref name="address"/> (which only sets its difficulty).</summary>
    public ProofOfWorkChallenge Issue(string? address)
    {
        var maxNumber = _difficulty.Next(address);
        var salt = ProofOfWork.NewSalt(_timeProvider.GetUtcNow() + _options.ChallengeLifetime);
        var challenge = ProofOfWork.ChallengeOf(salt, RandomNumberGenerator.GetInt32(0, maxNumber + 1));
        return new ProofOfWorkChallenge(ProofOfWork.Algorithm, challenge, maxNumber, salt, ProofOfWork.SignatureOf(_key, challenge));
    }

    /// <summary>Checks an ALTCHA payload (base64 of <c>{algorithm, challenge, number, salt, signature}</c>) and redeems it.</summary>
    public async Task<ChallengeVerdict> VerifyAsync(string? payload, CancellationToken cancellationToken)
    {
        if (Parse(payload) is not { } solution)
        {
            return ChallengeVerdict.Malformed;
        }

        // The signature first: it covers the challenge, the challenge covers salt and number, the salt holds the expiry.
        var expected = Encoding.ASCII.GetBytes(ProofOfWork.SignatureOf(_key, solution.Challenge));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(solution.Signature)))
        {
            return ChallengeVerdict.BadSignature;
        }

        if (!string.Equals(ProofOfWork.ChallengeOf(solution.Salt, solution.Number), solution.Challenge, StringComparison.Ordinal))
        {
            return ChallengeVerdict.WrongNumber;
        }

        var now = _timeProvider.GetUtcNow();
        if (ProofOfWork.ExpiresOf(solution.Salt) is not { } expires)
        {
            return ChallengeVerdict.Malformed;
        }

        if (now >= expires)
        {
            return ChallengeVerdict.Expired;
        }

        var redeemed = await _store.TryRedeemAsync(SHA256.HashData(Encoding.ASCII.GetBytes(solution.Challenge)), expires, now, cancellationToken);
        return redeemed ? ChallengeVerdict.Passed : ChallengeVerdict.Replayed;
    }

    private static Solution? Parse(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload) || payload.Length > MaxPayloadLength)
        {
            return null;
        }

        byte[] json;
        try
        {
            json = Convert.FromBase64String(payload.Trim());
        }
        catch (FormatException)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4, AllowDuplicateProperties = false });
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && Text(root, "algorithm") == ProofOfWork.Algorithm
                && Text(root, "challenge") is { Length: 64 } challenge
                && Text(root, "salt") is { Length: > 0 and <= 256 } salt
                && Text(root, "signature") is { Length: 64 } signature
                && root.TryGetProperty("number", out var number) && number.ValueKind == JsonValueKind.Number
                && number.TryGetInt64(out var value) && value >= 0
                ? new Solution(challenge, value, salt, signature)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record Solution(string Challenge, long Number, string Salt, string Signature);
}
