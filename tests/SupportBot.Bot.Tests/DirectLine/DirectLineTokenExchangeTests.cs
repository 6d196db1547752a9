using System.Net;
using SupportBot.Bot.Tests.DirectLine.TestSupport;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.DirectLine;

public sealed class DirectLineTokenExchangeTests
{
    [Fact]
    public async Task Exchange_ReturnsTokenForAFreshDlUserAndAnUnstartedConversation()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();

        var response = await client.PostJsonAsync("/api/directline/token", null, await Solved(client, ""));
        var body = await response.ExpectAsync(HttpStatusCode.OK);

        var userId = body.GetProperty("userId").GetString()!;
        var conversationId = body.GetProperty("conversationId").GetString()!;
        var claims = DirectLineHttp.JwtPayload(body.GetProperty("token").GetString()!);
        Assert.StartsWith("dl_", userId);
        Assert.Equal(userId, claims.GetProperty("user").GetString());
        Assert.Equal(conversationId, claims.GetProperty("conv").GetString());
        Assert.Equal(1800, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Null(await app.Store.GetConversationAsync(conversationId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Exchange_TwiceGivesDifferentUsersAndConversations()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();

        var first = await (await client.PostJsonAsync("/api/directline/token", null, await Solved(client, ""))).ExpectAsync(HttpStatusCode.OK);
        var second = await (await client.PostJsonAsync("/api/directline/token", null, await Solved(client, "{}"))).ExpectAsync(HttpStatusCode.OK);

        Assert.NotEqual(first.GetProperty("userId").GetString(), second.GetProperty("userId").GetString());
        Assert.NotEqual(first.GetProperty("conversationId").GetString(), second.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task Exchange_WithLocale_PutsItInTheToken()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();

        var body = await (await client.PostJsonAsync("/api/directline/token", null, await Solved(client, """{"locale":"ar-EG"}"""))).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("ar-EG", DirectLineHttp.JwtPayload(body.GetProperty("token").GetString()!).GetProperty("locale").GetString());
    }

    [Theory]
    [InlineData("""{"locale":"<script>alert(1)</script>"}""")]
    [InlineData("""{"locale":""}""")]
    public async Task Exchange_WithUnusableLocale_IgnoresIt(string json)
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();

        var body = await (await client.PostJsonAsync("/api/directline/token", null, await Solved(client, json))).ExpectAsync(HttpStatusCode.OK);

        Assert.False(DirectLineHttp.JwtPayload(body.GetProperty("token").GetString()!).TryGetProperty("locale", out _));
    }

    [Theory]
    [InlineData("""{"locale":42}""")]
    [InlineData("""{"locale":""")]
    public async Task Exchange_MalformedBody_Returns400(string json)
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();

        var response = await client.PostJsonAsync("/api/directline/token", null, json);

        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadSyntax");
    }

    [Fact]
    public async Task Exchange_OverTheLimitPerClient_Returns429WithRetryAfter()
    {
        await using var app = new DirectLineApplication(new Dictionary<string, string> { ["DirectLine:TokenRequestsPerMinute"] = "2" });
        using var client = app.CreateClient();

        await (await client.PostJsonAsync("/api/directline/token", null, await Solved(client, ""))).ExpectAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync("/api/directline/token", null, await Solved(client, ""))).ExpectAsync(HttpStatusCode.OK);
        var limited = await client.PostJsonAsync("/api/directline/token", null, await Solved(client, ""));

        await limited.ExpectErrorAsync(HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.InRange(int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After"))), 1, 60);

        // Only the exchange is limited: Direct Line itself still answers.
        await (await client.PostJsonAsync("/v3/directline/conversations", DirectLineApplication.Secret, "")).ExpectAsync(HttpStatusCode.Created);
    }

    // The page solves the bot challenge before every exchange (security.md D3).
    private static Task<string> Solved(HttpClient client, string json) =>
        BotChallengeSolver.WithSolutionAsync(client, json, TestContext.Current.CancellationToken);
}
