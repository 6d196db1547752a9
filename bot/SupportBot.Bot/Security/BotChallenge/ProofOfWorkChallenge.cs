using System.Text.Json.Serialization;

namespace SupportBot.Bot.Security.BotChallenge;

/// <summary>
/// A challenge as the client receives it, in the ALTCHA (v1) shape: find <c>n</c> in [0, <see cref="MaxNumber"/>] such that
/// hex(SHA-256(<see cref="Salt"/> + n)) equals <see cref="Challenge"/>. <see cref="Signature"/> is the server's
/// HMAC-SHA-256 of the challenge; the salt carries its expiry (<c>?expires=unix-seconds&amp;</c>).
/// </summary>
public sealed record ProofOfWorkChallenge(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("challenge")] string Challenge,
    [property: JsonPropertyName("maxnumber")] int MaxNumber,
    [property: JsonPropertyName("salt")] string Salt,
    [property: JsonPropertyName("signature")] string Signature);
