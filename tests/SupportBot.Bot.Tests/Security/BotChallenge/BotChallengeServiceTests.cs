using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Security.BotChallenge;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Security.BotChallenge;

/// <summary>security.md D3: the proof-of-work verifier of the real host (its key, its SQLite store, its clock).</summary>
public sealed class BotChallengeServiceTests : IDisposable
{
    private readonly BotApplication _app = new();
    private readonly BotChallengeService _challenges;

    public BotChallengeServiceTests()
    {
        _challenges = _app.Services.GetRequiredService<BotChallengeService>();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SolvedChallenge_Passes_OnceOnly()
    {
        var challenge = Json(_challenges.Issue("198.51.100.1"));
        var payload = BotChallengeSolver.Payload(challenge, BotChallengeSolver.Solve(challenge));

        Assert.Equal(ChallengeVerdict.Passed, await _challenges.VerifyAsync(payload, Ct));
        Assert.Equal(ChallengeVerdict.Replayed, await _challenges.VerifyAsync(payload, Ct));
    }

    [Fact]
    public async Task WrongNumber_IsRefused()
    {
        var challenge = Json(_challenges.Issue("198.51.100.1"));
        var right = BotChallengeSolver.Solve(challenge);

        Assert.Equal(ChallengeVerdict.WrongNumber, await _challenges.VerifyAsync(BotChallengeSolver.Payload(challenge, right + 1), Ct));

        // A refused attempt does not burn the challenge: the right number still works.
        Assert.Equal(ChallengeVerdict.Passed, await _challenges.VerifyAsync(BotChallengeSolver.Payload(challenge, right), Ct));
    }

    [Fact]
    public async Task TamperedSignatureOrChallenge_IsRefused()
    {
        var issued = _challenges.Issue("198.51.100.1");
        var number = BotChallengeSolver.Solve(Json(issued));
        var flipped = (issued.Signature[0] == '0' ? "1" : "0") + issued.Signature[1..];

        Assert.Equal(ChallengeVerdict.BadSignature, await _challenges.VerifyAsync(BotChallengeSolver.Payload(Json(issued with { Signature = flipped }), number), Ct));

        // A challenge the client made up itself (easy number) is not signed by the server.
        var salt = issued.Salt;
        var forged = issued with { Challenge = Sha256Hex(salt + "1"), Signature = issued.Signature };
        Assert.Equal(ChallengeVerdict.BadSignature, await _challenges.VerifyAsync(BotChallengeSolver.Payload(Json(forged), 1), Ct));
    }

    [Fact]
    public async Task LongerExpiryWrittenIntoTheSalt_IsRefused()
    {
        var issued = _challenges.Issue("198.51.100.1");
        var number = BotChallengeSolver.Solve(Json(issued));
        var extended = issued.Salt[..issued.Salt.IndexOf("expires=", StringComparison.Ordinal)] + "expires=4102444800&";

        Assert.Equal(ChallengeVerdict.WrongNumber, await _challenges.VerifyAsync(BotChallengeSolver.Payload(Json(issued with { Salt = extended }), number), Ct));
    }

    [Fact]
    public async Task ExpiredChallenge_IsRefused_OnTheHostClock()
    {
        var challenge = Json(_challenges.Issue("198.51.100.1"));
        var payload = BotChallengeSolver.Payload(challenge, BotChallengeSolver.Solve(challenge));

        _app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Equal(ChallengeVerdict.Expired, await _challenges.VerifyAsync(payload, Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("W10=")] // []
    [InlineData("e30=")] // {}
    [InlineData("eyJhbGdvcml0aG0iOiJTSEEtMSJ9")] // {"algorithm":"SHA-1"}
    public async Task Garbage_IsMalformed(string? payload)
    {
        Assert.Equal(ChallengeVerdict.Malformed, await _challenges.VerifyAsync(payload, Ct));
    }

    [Fact]
    public async Task OtherAlgorithmOrNegativeNumber_IsMalformed()
    {
        var issued = _challenges.Issue("198.51.100.1");
        var sha1 = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new
        {
            algorithm = "SHA-1", challenge = issued.Challenge, number = 1, salt = issued.Salt, signature = issued.Signature,
        }));

        Assert.Equal(ChallengeVerdict.Malformed, await _challenges.VerifyAsync(sha1, Ct));
        Assert.Equal(ChallengeVerdict.Malformed, await _challenges.VerifyAsync(BotChallengeSolver.Payload(Json(issued), -1), Ct));
    }

    [Fact]
    public void Difficulty_DoublesWithOneAddressRate_AndFallsBackAfterTheWindow()
    {
        var first = Enumerable.Range(0, 10).Select(_ => _challenges.Issue("203.0.113.9").MaxNumber).ToList();
        var eleventh = _challenges.Issue("203.0.113.9").MaxNumber;
        var twentieth = Enumerable.Range(0, 9).Select(_ => _challenges.Issue("203.0.113.9").MaxNumber).ToList()[^1];

        Assert.All(first, maxNumber => Assert.Equal(50_000, maxNumber));
        Assert.Equal(100_000, eleventh);
        Assert.Equal(100_000, twentieth);
        Assert.Equal(200_000, _challenges.Issue("203.0.113.9").MaxNumber);

        // Someone else is not slowed down by that address.
        Assert.Equal(50_000, _challenges.Issue("203.0.113.10").MaxNumber);

        _app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(50_000, _challenges.Issue("203.0.113.9").MaxNumber);
    }

    [Fact]
    public void Difficulty_StopsAtTheCeiling()
    {
        var all = Enumerable.Range(0, 200).Select(_ => _challenges.Issue("203.0.113.11").MaxNumber).ToList();

        Assert.Equal(800_000, all.Max());
        Assert.Equal(800_000, all[^1]);
    }

    [Fact]
    public void ConfiguredKey_SignsTheChallenge()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var app = new BotApplication(settings: new() { ["Security:BotChallenge:Key"] = Convert.ToBase64String(key) });

        var issued = app.Services.GetRequiredService<BotChallengeService>().Issue(null);

        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(issued.Challenge))), issued.Signature);
    }

    [Fact]
    public void WithoutConfiguredKey_TheKeyIsKeptInTheDataFolder()
    {
        _ = _challenges.Issue(null);

        var file = Path.Combine(_app.DataDirectory, "keys", "challenge.key");
        Assert.True(File.Exists(file));
        Assert.True(Convert.FromBase64String(File.ReadAllText(file)).Length >= 32);
    }

    [Theory]
    [InlineData("Security:BotChallenge:MaxNumber", "10", "MaxNumber")]
    [InlineData("Security:BotChallenge:MaxNumberCeiling", "20000", "MaxNumberCeiling")]
    [InlineData("Security:BotChallenge:Key", "not-base64", "Key")]
    [InlineData("Security:BotChallenge:Key", "c2hvcnQ=", "Key")]
    [InlineData("Security:BotChallenge:MaxLookupsPerConversation", "0", "MaxLookupsPerConversation")]
    [InlineData("Security:BotChallenge:ChallengeLifetime", "02:00:00", "ChallengeLifetime")]
    public void InvalidOptions_StopStartUp(string key, string value, string named)
    {
        using var app = new BotApplication(settings: new() { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();

    private static JsonElement Json(ProofOfWorkChallenge challenge) => JsonSerializer.SerializeToElement(challenge);

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
