using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>
/// Solves the bot challenge as the page's worker does (security.md D3): <c>GET /api/challenge</c>, brute force of
/// SHA-256(salt + n), the ALTCHA payload as base64 JSON. Every test that needs a page token goes through here.
/// </summary>
public static class BotChallengeSolver
{
    public const string ChallengeRoute = "/api/challenge";

    /// <summary>A fresh challenge from <paramref name="client"/>'s host, solved: the value of the exchange's <c>altcha</c> property.</summary>
    public static async Task<string> SolveAsync(HttpClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(ChallengeRoute, cancellationToken);
        response.EnsureSuccessStatusCode();
        var challenge = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return Payload(challenge, Solve(challenge));
    }

    /// <summary>The number behind <paramref name="challenge"/>; throws when there is none (a test must not pass on a wrong payload).</summary>
    public static long Solve(JsonElement challenge)
    {
        var salt = challenge.GetProperty("salt").GetString()!;
        var target = Convert.FromHexString(challenge.GetProperty("challenge").GetString()!);
        var maxNumber = challenge.GetProperty("maxnumber").GetInt64();
        var prefix = Encoding.UTF8.GetBytes(salt);
        Span<byte> input = stackalloc byte[prefix.Length + 20];
        Span<byte> hash = stackalloc byte[32];
        prefix.CopyTo(input);
        for (long number = 0; number <= maxNumber; number++)
        {
            number.TryFormat(input[prefix.Length..], out var written, provider: CultureInfo.InvariantCulture);
            SHA256.HashData(input[..(prefix.Length + written)], hash);
            if (hash.SequenceEqual(target))
            {
                return number;
            }
        }

        throw new InvalidOperationException("The challenge has no solution up to its maxnumber.");
    }

    /// <summary>The ALTCHA payload for <paramref name="challenge"/> with <paramref name="number"/> (right or wrong, for tests that send a bad one).</summary>
    public static string Payload(JsonElement challenge, long number) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new
        {
            algorithm = challenge.GetProperty("algorithm").GetString(),
            challenge = challenge.GetProperty("challenge").GetString(),
            number,
            salt = challenge.GetProperty("salt").GetString(),
            signature = challenge.GetProperty("signature").GetString(),
        }));

    /// <summary><paramref name="json"/> (an object, or empty for none) with a freshly solved <c>altcha</c> added: the body of a page's token request.</summary>
    public static async Task<string> WithSolutionAsync(HttpClient client, string json, CancellationToken cancellationToken = default)
    {
        var body = string.IsNullOrWhiteSpace(json) ? [] : JsonNode.Parse(json)!.AsObject();
        body["altcha"] = await SolveAsync(client, cancellationToken);
        return body.ToJsonString();
    }
}
