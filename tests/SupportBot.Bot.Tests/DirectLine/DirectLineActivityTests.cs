using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Tests.DirectLine.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.DirectLine;

public sealed class DirectLineActivityTests
{
    [Fact]
    public async Task Post_Message_Returns200IdThenPollingShowsEchoAndReply()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();
        var session = await DirectLineSession.StartAsync(client);

        var posted = await (await session.PostMessageAsync(client, "I can't log in", clientActivityId: "client-1")).ExpectAsync(HttpStatusCode.OK);
        var set = await (await client.GetAsync(session.ActivitiesPath + "?watermark=", session.Token)).ExpectAsync(HttpStatusCode.OK);

        var messageId = $"{session.ConversationId}|0000002";
        Assert.Equal(messageId, posted.GetProperty("id").GetString());
        Assert.Equal("3", set.GetProperty("watermark").GetString());
        var activities = set.GetProperty("activities").EnumerateArray().ToArray();
        Assert.Equal(3, activities.Length);

        var echo = activities[1];
        Assert.Equal(messageId, echo.GetProperty("id").GetString());
        Assert.Equal("client-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("directline", echo.GetProperty("channelId").GetString());
        Assert.Equal("supportbot", echo.GetProperty("recipient").GetProperty("id").GetString());
        Assert.EndsWith("Z", echo.GetProperty("timestamp").GetString());

        var reply = activities[2];
        Assert.Equal($"{session.ConversationId}|0000003", reply.GetProperty("id").GetString());
        Assert.Equal(ScriptedTestBot.ReplyTo("I can't log in"), reply.GetProperty("text").GetString());
        Assert.Equal(messageId, reply.GetProperty("replyToId").GetString());
        Assert.Equal("bot", reply.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("supportbot", reply.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("en-US", reply.GetProperty("locale").GetString());
        Assert.Equal(session.ConversationId, reply.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal(2, reply.GetProperty("suggestedActions").GetProperty("actions").GetArrayLength());
        Assert.Equal(session.UserId, reply.GetProperty("suggestedActions").GetProperty("to")[0].GetString());
        Assert.True(
            DateTimeOffset.Parse(reply.GetProperty("timestamp").GetString()!) > DateTimeOffset.Parse(echo.GetProperty("timestamp").GetString()!));
    }

    [Fact]
    public async Task Post_ClientSetsServerFields_TheServerStampsItsOwnAndKeepsTheRest()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();
        var session = await DirectLineSession.StartAsync(client);

        await (await client.PostJsonAsync(session.ActivitiesPath, session.Token, """
            {"type":"message","id":"forged","timestamp":"1999-01-01T00:00:00Z","channelId":"webchat",
             "serviceUrl":"https://evil.example","conversation":{"id":"other"},
             "from":{"id":"dl_someone_else","name":"Mallory","role":"bot"},"recipient":{"id":"elsewhere"},
             "text":"hi","localTimestamp":"2025-03-01T10:00:00+01:00","localTimezone":"Europe/Paris",
             "entities":[{"type":"ClientCapabilities","requiresBotState":true}],"customField":{"kept":true}}
            """)).ExpectAsync(HttpStatusCode.OK);

        var stored = (await session.GetAllActivitiesAsync(client))[1];
        Assert.Equal($"{session.ConversationId}|0000002", stored.GetProperty("id").GetString());
        Assert.Equal(session.UserId, stored.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("Mallory", stored.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("user", stored.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("supportbot", stored.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal(session.ConversationId, stored.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("directline", stored.GetProperty("channelId").GetString());
        Assert.False(stored.TryGetProperty("serviceUrl", out _));
        var timestamp = DateTimeOffset.Parse(stored.GetProperty("timestamp").GetString()!);
        Assert.InRange(timestamp, app.Clock.GetUtcNow(), app.Clock.GetUtcNow().AddSeconds(1));
        Assert.Equal("Europe/Paris", stored.GetProperty("localTimezone").GetString());
        Assert.Equal(TimeSpan.FromHours(1), DateTimeOffset.Parse(stored.GetProperty("localTimestamp").GetString()!).Offset);
        Assert.True(stored.GetProperty("customField").GetProperty("kept").GetBoolean());
        Assert.Equal("ClientCapabilities", stored.GetProperty("entities")[0].GetProperty("type").GetString());

        var received = app.Bot.Received.Last();
        Assert.Equal(session.UserId, received.From!.Id);
        Assert.Equal($"{session.ConversationId}|0000002", received.Id);
    }

    [Fact]
    public async Task Post_WithSecret_MayPostAsAnyUser()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();
        var session = await DirectLineSession.StartAsync(client);

        await (await client.PostJsonAsync(session.ActivitiesPath, DirectLineApplication.Secret,
            """{"type":"message","from":{"id":"operator-1"},"text":"hello"}""")).ExpectAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync(session.ActivitiesPath, DirectLineApplication.Secret,
            """{"type":"message","text":"no from"}""")).ExpectAsync(HttpStatusCode.OK);

        var activities = await session.GetAllActivitiesAsync(client);
        Assert.Equal("operator-1", activities[1].GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(session.UserId, activities[3].GetProperty("from").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Post_Typing_GetsAnIdButIsNotStoredAndReachesTheBot()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();
        var session = await DirectLineSession.StartAsync(client);

        var posted = await (await client.PostJsonAsync(session.ActivitiesPath, session.Token, """{"type":"typing"}""")).ExpectAsync(HttpStatusCode.OK);

        Assert.StartsWith(session.ConversationId + "|", posted.GetProperty("id").GetString());
        Assert.Single(await session.GetAllActivitiesAsync(client));
        Assert.Equal(ActivityTypes.Typing, app.Bot.Received.Last().Type);
    }

    [Fact]
    public async Task Post_Event_IsStoredAndAnsweredWithReplyToId()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();
        var session = await DirectLineSession.StartAsync(client);

        var posted = await (await client.PostJsonAsync(session.ActivitiesPath, session.Token,
            """{"type":"event","name":"webchat/join","value":{"language":"en-US"}}""")).ExpectAsync(HttpStatusCode.OK);

        var activities = await session.GetAllActivitiesAsync(client);
        Assert.Equal("webchat/join", activities[1].GetProperty("name").GetString());
        Assert.Equal("en-US", activities[1].GetProperty("value").GetProperty("language").GetString());
        Assert.Equal(posted.GetProperty("id").GetString(), activities[2].GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task GetActivities_PagesByWatermark()
    {
        await using var app = new DirectLineApplication(new Dictionary<string, string> { ["DirectLine:MaxActivitiesPerPage"] = "2" });
        using var client = app.CreateClient();
        var session = await DirectLineSession.StartAsync(client);
        foreach (var text in new[] { "one", "two", "three" })
        {
            await (await session.PostMessageAsync(client, text)).ExpectAsync(HttpStatusCode.OK);
        }

        var seen = new List<string>();
        var watermarks = new List<string>();
        var watermark = "";
        while (true)
        {
            var set = await (await client.GetAsync($"{session.ActivitiesPath}?watermark={watermark}", session.Token)).ExpectAsync(HttpStatusCode.OK);
            var page = set.GetProperty("activities").EnumerateArray().ToArray();
            watermark = set.GetProperty("watermark").GetString()!;
            watermarks.Add(watermark);
            if (page.Length == 0)
            {
                break;
            }

            Assert.True(page.Length <= 2);
            seen.AddRange(page.Select(activity => activity.GetProperty("text").GetString()!));
        }

        Assert.Equal(["2", "4", "6", "7", "7"], watermarks);
        Assert.Equal(
            [ScriptedTestBot.Greeting, "one", ScriptedTestBot.ReplyTo("one"), "two", ScriptedTestBot.ReplyTo("two"), "three", ScriptedTestBot.ReplyTo("three")],
            seen);
    }

    [Fact]
    public async Task Timestamps_RiseEvenWhenTheClockGoesBack()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();
        var session = await DirectLineSession.StartAsync(client);

        await (await session.PostMessageAsync(client, "first")).ExpectAsync(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(-2));
        await (await session.PostMessageAsync(client, "second")).ExpectAsync(HttpStatusCode.OK);

        var timestamps = (await session.GetAllActivitiesAsync(client))
            .Select(activity => DateTimeOffset.Parse(activity.GetProperty("timestamp").GetString()!))
            .ToArray();
        Assert.Equal(5, timestamps.Length);
        for (var i = 1; i < timestamps.Length; i++)
        {
            Assert.True(timestamps[i] > timestamps[i - 1], $"timestamp {i} ({timestamps[i]:O}) is not after {timestamps[i - 1]:O}");
        }
    }

    [Fact]
    public async Task Timestamps_NeverPrecedeWhatTheStoreAlreadyHolds()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();
        var later = app.Clock.GetUtcNow().AddDays(1);
        var created = await app.Store.CreateConversationAsync(
            new("earlier-run", "directline", "dl_returning", app.Clock.GetUtcNow()), TestContext.Current.CancellationToken);
        await app.Store.AppendAsync("earlier-run",
            [new(later, """{"type":"message","text":"from a node whose clock ran ahead","timestamp":"2025-03-02T09:00:00Z"}""")],
            TestContext.Current.CancellationToken);

        await (await client.PostJsonAsync("/v3/directline/conversations/earlier-run/activities", DirectLineApplication.Secret,
            """{"type":"message","text":"back again"}""")).ExpectAsync(HttpStatusCode.OK);

        Assert.True(created);
        var entries = app.Store.Entries("earlier-run");
        Assert.Equal(3, entries.Count);
        Assert.True(entries[1].Timestamp > later);
        Assert.True(entries[2].Timestamp > entries[1].Timestamp);
    }

    [Fact]
    public async Task Tokens_OfTwoUsers_CannotReachEachOthersConversation()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();
        var alice = await DirectLineSession.StartAsync(client);
        var bob = await DirectLineSession.StartAsync(client);
        await (await alice.PostMessageAsync(client, "alice's secret question")).ExpectAsync(HttpStatusCode.OK);

        await (await client.GetAsync(alice.ActivitiesPath, bob.Token)).ExpectErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        await (await client.PostJsonAsync(alice.ActivitiesPath, bob.Token, """{"type":"message","text":"bob was here"}"""))
            .ExpectErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        await (await client.GetAsync($"/v3/directline/conversations/{alice.ConversationId}/stream?t={bob.Token}", null))
            .ExpectErrorAsync(HttpStatusCode.Forbidden, "Forbidden");

        Assert.Equal(3, app.Store.Entries(alice.ConversationId).Count);
        Assert.DoesNotContain(await bob.GetAllActivitiesAsync(client), activity => activity.GetProperty("text").GetString()!.Contains("alice"));
    }

    [Fact]
    public async Task BotException_Returns502BotRejectedActivityWithoutInternals()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();
        var session = await DirectLineSession.StartAsync(client);

        var response = await session.PostMessageAsync(client, "boom");

        var body = await response.ExpectErrorAsync(HttpStatusCode.BadGateway, "BotRejectedActivity");
        var text = body.GetRawText();
        Assert.DoesNotContain(ScriptedTestBot.FailureDetail, text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain(" at ", text);
        Assert.Contains(app.Logs.Lines, line => line.Contains(ScriptedTestBot.FailureDetail));

        // The activity was accepted before the bot failed: it stays, and the next turn runs normally.
        Assert.Equal(2, app.Store.Entries(session.ConversationId).Count);
        await (await session.PostMessageAsync(client, "still there?")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task BotTimeout_Returns502BotTimeout()
    {
        await using var app = new DirectLineApplication(new Dictionary<string, string> { ["DirectLine:BotTurnTimeout"] = "00:00:00.200" });
        using var client = app.CreateClient();
        var session = await DirectLineSession.StartAsync(client);
        app.Bot.Script = (_, cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

        var response = await session.PostMessageAsync(client, "hello?");

        await response.ExpectErrorAsync(HttpStatusCode.BadGateway, "BotTimeout");
    }

    [Fact]
    public async Task NoBotRegistered_Returns502BotNotAvailable()
    {
        await using var app = new DirectLineApplication(configureServices: services => services.RemoveAll<IBot>());
        using var client = app.CreateClient();
        var session = await DirectLineSession.StartAsync(client);

        var response = await session.PostMessageAsync(client, "anyone?");

        await response.ExpectErrorAsync(HttpStatusCode.BadGateway, "BotNotAvailable");
    }

    [Fact]
    public async Task Turns_OfOneConversation_RunOneAtATimeInArrivalOrder()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();
        var session = await DirectLineSession.StartAsync(client);
        app.Bot.Script = async (context, cancellationToken) =>
        {
            await Task.Delay(20, cancellationToken);
            await context.SendActivitiesAsync([context.Activity.CreateReply("re: " + context.Activity.Text)], cancellationToken);
        };

        var posts = Enumerable.Range(1, 6).Select(i => session.PostMessageAsync(client, $"m{i}")).ToArray();
        foreach (var response in await Task.WhenAll(posts))
        {
            await response.ExpectAsync(HttpStatusCode.OK);
        }

        Assert.Equal(1, app.Bot.MaxConcurrentTurns);
        var activities = (await session.GetAllActivitiesAsync(client)).Skip(1).ToArray();
        Assert.Equal(12, activities.Length);
        for (var i = 0; i < activities.Length; i += 2)
        {
            Assert.Equal("re: " + activities[i].GetProperty("text").GetString(), activities[i + 1].GetProperty("text").GetString());
            Assert.Equal(activities[i].GetProperty("id").GetString(), activities[i + 1].GetProperty("replyToId").GetString());
        }
    }

    [Fact]
    public async Task Turns_OfDifferentConversations_RunAtTheSameTime()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();
        var first = await DirectLineSession.StartAsync(client);
        var second = await DirectLineSession.StartAsync(client);
        var bothRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        app.Bot.Script = async (_, cancellationToken) =>
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                bothRunning.SetResult();
            }

            // Each turn waits for the other: only possible if no lock spans conversations.
            await bothRunning.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        };

        var responses = await Task.WhenAll(first.PostMessageAsync(client, "a"), second.PostMessageAsync(client, "b"));

        await responses[0].ExpectAsync(HttpStatusCode.OK);
        await responses[1].ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, app.Bot.MaxConcurrentTurns);
    }

    [Fact]
    public async Task TurnContext_UsedAfterTheTurn_Throws()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();
        var session = await DirectLineSession.StartAsync(client);
        ITurnContext? kept = null;
        app.Bot.Script = (context, _) =>
        {
            kept = context;
            return Task.CompletedTask;
        };
        await (await session.PostMessageAsync(client, "hi")).ExpectAsync(HttpStatusCode.OK);

        await Assert.ThrowsAsync<InvalidOperationException>(() => kept!.SendActivitiesAsync([new Activity { Text = "late" }], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task BotReply_CallersActivityIsNotChanged()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateClient();
        var session = await DirectLineSession.StartAsync(client);
        var reply = new Activity { Type = ActivityTypes.Message, Text = "shared", ChannelData = JsonSerializer.SerializeToElement(new { a = 1 }) };
        app.Bot.Script = (context, cancellationToken) => context.SendActivitiesAsync([reply], cancellationToken);

        await (await session.PostMessageAsync(client, "hi")).ExpectAsync(HttpStatusCode.OK);

        Assert.Null(reply.Id);
        Assert.Null(reply.From);
        Assert.Null(reply.Timestamp);
        Assert.Equal(1, (await session.GetAllActivitiesAsync(client))[^1].GetProperty("channelData").GetProperty("a").GetInt32());
    }
}
