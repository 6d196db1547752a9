using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.DirectLine.TestSupport;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.Security.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.Security.BotChallenge;

/// <summary>
/// security.md D3 through the real host: the page's token needs a solved challenge; identity lookups in anonymous
/// conversations need a challenged token and stop after three; trusted paths are exempt, each switch tested both ways.
/// </summary>
public sealed class BotChallengeHttpTests
{
    private const string TokenRoute = "/api/directline/token";
    private const string Unchallenged = "needs to pass a quick automatic check";
    private const string LimitReached = "one chat can only look up a few accounts";
    private const string Matched = "If an account matches";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Challenge_IsFreshEachTime_AndNeverCached()
    {
        using var host = new SecurityHost();
        var client = host.CreateClient();

        using var first = await client.GetAsync(BotChallengeSolver.ChallengeRoute, Ct);
        var one = await first.Content.ReadAsStringAsync(Ct);
        var two = await client.GetStringAsync(BotChallengeSolver.ChallengeRoute, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(one);
        Assert.Equal("SHA-256", json.RootElement.GetProperty("algorithm").GetString());
        Assert.Equal(50_000, json.RootElement.GetProperty("maxnumber").GetInt32());
        Assert.Matches("^[0-9a-f]{24}\\?expires=[0-9]+&$", json.RootElement.GetProperty("salt").GetString());
        Assert.NotEqual(one, two);
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest, "MissingProperty", "missing")]
    [InlineData("{}", HttpStatusCode.BadRequest, "MissingProperty", "missing")]
    [InlineData("""{"altcha":"garbage"}""", HttpStatusCode.BadRequest, "BadArgument", "malformed")]
    [InlineData("""{"altcha":"eyJhbGdvcml0aG0iOiJTSEEtMjU2In0="}""", HttpStatusCode.BadRequest, "BadArgument", "malformed")]
    public async Task TokenExchange_WithoutAUsableSolution_IsAProblem(string body, HttpStatusCode status, string code, string reason)
    {
        using var host = new SecurityHost();
        var client = host.CreateClient();

        var response = await client.PostJsonAsync(TokenRoute, null, body);

        var problem = await response.ExpectErrorAsync(status, code);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(reason, problem.GetProperty("challenge").GetString());
        Assert.False(problem.TryGetProperty("token", out _));
    }

    [Fact]
    public async Task TokenExchange_WrongNumberTamperedExpiredOrReplayed_IsForbidden()
    {
        using var host = new SecurityHost();
        var client = host.CreateClient();

        var challenge = await GetChallengeAsync(client);
        var number = BotChallengeSolver.Solve(challenge);
        await ExpectRefusedAsync(client, BotChallengeSolver.Payload(challenge, number + 1), "wrong-number");

        var tampered = JsonSerializer.SerializeToElement(new
        {
            algorithm = "SHA-256",
            challenge = challenge.GetProperty("challenge").GetString(),
            maxnumber = 50_000,
            salt = challenge.GetProperty("salt").GetString(),
            signature = new string('0', 64),
        });
        await ExpectRefusedAsync(client, BotChallengeSolver.Payload(tampered, number), "bad-signature");

        var payload = BotChallengeSolver.Payload(challenge, number);
        await (await Exchange(client, payload)).ExpectAsync(HttpStatusCode.OK);
        await ExpectRefusedAsync(client, payload, "replayed");

        var late = await GetChallengeAsync(client);
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        await ExpectRefusedAsync(client, BotChallengeSolver.Payload(late, BotChallengeSolver.Solve(late)), "expired");
    }

    [Fact]
    public async Task TokenExchange_WithSolution_GivesAChallengedToken_AndTheLookupRuns()
    {
        using var host = new SecurityHost();
        var client = host.CreateClient();

        var body = await (await Exchange(client, await BotChallengeSolver.SolveAsync(client, Ct))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("challenge", DirectLineHttp.JwtPayload(body.GetProperty("token").GetString()!).GetProperty("adm").GetString());

        var user = await DirectLineUser.StartAsync(client);
        Assert.Contains(Matched, await IdentifyAsync(user, "maria@example.com"), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(host, "recovery_identified"));

        // The refreshed token keeps the mark, so a reload's conversation may still look up.
        var refreshed = await (await client.PostJsonAsync("/v3/directline/tokens/refresh", body.GetProperty("token").GetString(), "")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("challenge", DirectLineHttp.JwtPayload(refreshed.GetProperty("token").GetString()!).GetProperty("adm").GetString());
    }

    [Fact]
    public async Task UnchallengedConversation_ShowsNoMasks_AndAnswersTheSameForEveryIdentifier()
    {
        // Tokens without a solution are allowed here, and masks would show from the first method prompt.
        using var host = new SecurityHost(new()
        {
            ["Security:BotChallenge:RequireForTokenExchange"] = "false",
            ["Verification:ContactMasks"] = "Always",
        });
        var client = host.CreateClient();

        var known = await IdentifyAsync(await UnchallengedUserAsync(client), "maria@example.com");
        var unknown = await IdentifyAsync(await UnchallengedUserAsync(client), "nobody-here@example.com");

        Assert.Contains(Unchallenged, known, StringComparison.Ordinal);
        Assert.Equal(known, unknown);
        Assert.DoesNotContain("•••", known, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(host, "recovery_identified"));
        Assert.Equal(2, await CountAsync(host, "lookup_unchallenged"));

        // The same host, after the challenge: the lookup runs and the masked contacts show.
        var challenged = await IdentifyAsync(await DirectLineUser.StartAsync(client), "maria@example.com");
        Assert.Contains("•••", challenged, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(host, "recovery_identified"));
    }

    [Fact]
    public async Task ChallengedConversation_LooksUpThreeTimes_ThenTheSameReplyForEveryIdentifier()
    {
        using var host = new SecurityHost();
        var client = host.CreateClient();
        var first = await DirectLineUser.StartAsync(client);
        var second = await DirectLineUser.StartAsync(client);

        foreach (var user in new[] { first, second })
        {
            foreach (var identifier in new[] { "maria@example.com", "nobody1@example.com", "sam@example.com" })
            {
                Assert.Contains(Matched, await IdentifyAsync(user, identifier), StringComparison.Ordinal);
                await user.PressAsync("start-over", "Start over");
            }
        }

        var identified = await CountAsync(host, "recovery_identified");
        var known = await IdentifyAsync(first, "maria@example.com");
        var unknown = await IdentifyAsync(second, "nobody-at-all@example.com");

        Assert.Contains(LimitReached, known, StringComparison.Ordinal);
        Assert.Equal(known, unknown);
        Assert.Equal(identified, await CountAsync(host, "recovery_identified"));
        Assert.Equal(2, await CountAsync(host, "lookup_conversation_limit"));

        // A new challenged conversation starts afresh.
        Assert.Contains(Matched, await IdentifyAsync(await DirectLineUser.StartAsync(client), "maria@example.com"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    public async Task SecretIssuedToken_IsExempt_UnlessSwitchedOff(string? exempt, bool looksUp)
    {
        using var host = new SecurityHost(exempt is null ? null : new() { ["Security:BotChallenge:ExemptSecretIssuedTokens"] = exempt });
        var client = host.CreateClient();

        // A back end holding the secret starts the conversation and hands its token to its own page.
        var started = await (await client.PostJsonAsync("/v3/directline/conversations", SecurityHost.DirectLineSecret, "")).ExpectAsync(HttpStatusCode.Created);
        var token = started.GetProperty("token").GetString()!;
        var session = new DirectLineSession(
            started.GetProperty("conversationId").GetString()!, token, DirectLineHttp.JwtPayload(token).GetProperty("user").GetString()!, "");

        var reply = await IdentifyAsync(await DirectLineUser.JoinAsync(client, session), "maria@example.com");

        Assert.Equal(looksUp, reply.Contains(Matched, StringComparison.Ordinal));
        Assert.Equal(!looksUp, reply.Contains(Unchallenged, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    public async Task DirectLineSecretCaller_IsExempt_UnlessSwitchedOff(string? exempt, bool looksUp)
    {
        using var host = new SecurityHost(exempt is null ? null : new() { ["Security:BotChallenge:ExemptDirectLineSecret"] = exempt });
        var client = host.CreateClient();

        // A back end talks to Direct Line with the secret itself, for every request.
        var started = await (await client.PostJsonAsync("/v3/directline/conversations", SecurityHost.DirectLineSecret, """{"user":{"id":"backend-user"}}"""))
            .ExpectAsync(HttpStatusCode.Created);
        var session = new DirectLineSession(started.GetProperty("conversationId").GetString()!, SecurityHost.DirectLineSecret, "backend-user", "");

        var reply = await IdentifyAsync(await DirectLineUser.JoinAsync(client, session), "maria@example.com");

        Assert.Equal(looksUp, reply.Contains(Matched, StringComparison.Ordinal));
        Assert.Equal(!looksUp, reply.Contains(Unchallenged, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", "false", false)]
    public async Task UnauthenticatedBotConnector_IsExemptOutsideProductionOnly_UnlessConfigured(string environment, string? exempt, bool looksUp)
    {
        using var host = new SecurityHost(
            exempt is null ? null : new() { ["Security:BotChallenge:ExemptUnauthenticatedBotConnector"] = exempt },
            environment);
        var user = new ExpectRepliesClient(host.CreateClient(), "connector-" + environment, userId: "connector-user");
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("maria@example.com");

        Assert.Equal(looksUp, user.LastText.Contains(Matched, StringComparison.Ordinal));
        Assert.Equal(!looksUp, user.LastText.Contains(Unchallenged, StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> Exchange(HttpClient client, string payload) =>
        client.PostJsonAsync(TokenRoute, null, DirectLineHttp.Json(new { altcha = payload }));

    private static async Task ExpectRefusedAsync(HttpClient client, string payload, string reason)
    {
        var problem = await (await Exchange(client, payload)).ExpectErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        Assert.Equal(reason, problem.GetProperty("challenge").GetString());
    }

    private static async Task<JsonElement> GetChallengeAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync(BotChallengeSolver.ChallengeRoute, Ct)).RootElement.Clone();

    private static async Task<DirectLineUser> UnchallengedUserAsync(HttpClient client)
    {
        var exchange = await (await client.PostJsonAsync(TokenRoute, null, "")).ExpectAsync(HttpStatusCode.OK);
        var token = exchange.GetProperty("token").GetString()!;
        Assert.False(DirectLineHttp.JwtPayload(token).TryGetProperty("adm", out _));
        var started = await (await client.PostJsonAsync("/v3/directline/conversations", token, "{}")).ExpectAsync(HttpStatusCode.Created);
        var session = new DirectLineSession(
            started.GetProperty("conversationId").GetString()!, token, exchange.GetProperty("userId").GetString()!, started.GetProperty("streamUrl").GetString()!);
        return await DirectLineUser.JoinAsync(client, session);
    }

    // What the user sees after sending the identifier: the replies' text and their buttons' titles (where masks show).
    private static async Task<string> IdentifyAsync(DirectLineUser user, string identifier)
    {
        await user.PressAsync("human");
        await user.SayAsync(identifier);
        var titles = user.LastReplies
            .Where(reply => reply.TryGetProperty("suggestedActions", out _))
            .SelectMany(reply => reply.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray())
            .Select(action => action.GetProperty("title").GetString());
        return string.Join("\n", [user.LastText, .. titles]);
    }

    private static async Task<int> CountAsync(SecurityHost host, string type) =>
        (await host.Services.GetRequiredService<IAuditLog>().ReadAsync(0, 10_000, Ct)).Count(record => record.Event.Type == type);
}
