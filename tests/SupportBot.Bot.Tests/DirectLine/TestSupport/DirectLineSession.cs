using System.Net;
using System.Text.Json;
using Xunit;

namespace SupportBot.Bot.Tests.DirectLine.TestSupport;

/// <summary>A started conversation as a token-holding client sees it.</summary>
internal sealed record DirectLineSession(string ConversationId, string Token, string UserId, string StreamUrl)
{
    public string ActivitiesPath => $"/v3/directline/conversations/{ConversationId}/activities";

    /// <summary>Token exchange, then <c>POST /conversations</c> with the token, as the built-in page does.</summary>
    public static async Task<DirectLineSession> StartAsync(HttpClient client, string? locale = null)
    {
        // The page solves the bot challenge first (security.md D3).
        var body = await Infrastructure.BotChallengeSolver.WithSolutionAsync(client, locale is null ? "" : DirectLineHttp.Json(new { locale }));
        var exchange = await (await client.PostJsonAsync("/api/directline/token", null, body))
            .ExpectAsync(HttpStatusCode.OK);
        var token = exchange.GetProperty("token").GetString()!;
        var started = await (await client.PostJsonAsync("/v3/directline/conversations", token, "{}")).ExpectAsync(HttpStatusCode.Created);
        return new DirectLineSession(
            started.GetProperty("conversationId").GetString()!,
            token,
            exchange.GetProperty("userId").GetString()!,
            started.GetProperty("streamUrl").GetString()!);
    }

    /// <summary><c>POST /conversations</c> with the secret, as a back end does; the session holds the returned token.</summary>
    public static async Task<DirectLineSession> StartWithSecretAsync(HttpClient client)
    {
        var started = await (await client.PostJsonAsync("/v3/directline/conversations", DirectLineApplication.Secret, ""))
            .ExpectAsync(HttpStatusCode.Created);
        var token = started.GetProperty("token").GetString()!;
        return new DirectLineSession(
            started.GetProperty("conversationId").GetString()!,
            token,
            DirectLineHttp.JwtPayload(token).GetProperty("user").GetString()!,
            started.GetProperty("streamUrl").GetString()!);
    }

    /// <summary>Posts a message as Web Chat does, with a clientActivityID in channelData.</summary>
    public async Task<HttpResponseMessage> PostMessageAsync(HttpClient client, string text, string? clientActivityId = null) =>
        await client.PostJsonAsync(ActivitiesPath, Token, DirectLineHttp.Json(new
        {
            type = "message",
            from = new { id = UserId, name = "Test User", role = "user" },
            text,
            locale = "en-US",
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        }));

    /// <summary>Everything stored, read by polling from the start.</summary>
    public async Task<JsonElement[]> GetAllActivitiesAsync(HttpClient client)
    {
        var set = await (await client.GetAsync(ActivitiesPath + "?watermark=", Token)).ExpectAsync(HttpStatusCode.OK);
        return [.. set.GetProperty("activities").EnumerateArray()];
    }
}
