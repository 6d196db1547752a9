using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Security.LookupLimits;

/// <summary>security.md D3: identifier lookups are limited per source and globally, through the real host.</summary>
public sealed class LookupRateLimitTests
{
    private const string Throttled = "too many account lookups from here";

    [Fact]
    public async Task EleventhLookupFromOneUser_IsRefusedWithoutALookup_WhileAnotherUserStillSucceeds()
    {
        using var app = new BotApplication();
        var http = app.CreateClient();

        // Ten lookups from one user (ten conversations, known and unknown identifiers mixed) all go through.
        for (var n = 0; n < 10; n++)
        {
            var reply = await IdentifyAsync(http, $"burst-{n}", "same-user", n % 2 == 0 ? "maria@example.com" : $"nobody{n}@example.com");
            Assert.DoesNotContain(Throttled, reply, StringComparison.Ordinal);
        }

        var audit = app.Services.GetRequiredService<IAuditLog>();
        var identifiedBefore = await CountAsync(audit, "recovery_identified");

        // The 11th is refused with the same reply whether the account exists or not, and no lookup happens.
        var known = await IdentifyAsync(http, "burst-known", "same-user", "maria@example.com");
        var unknown = await IdentifyAsync(http, "burst-unknown", "same-user", "nobody-at-all@example.com");
        Assert.Contains(Throttled, known, StringComparison.Ordinal);
        Assert.Equal(known, unknown);
        Assert.DoesNotContain("•••", known, StringComparison.Ordinal);
        Assert.Equal(identifiedBefore, await CountAsync(audit, "recovery_identified"));
        Assert.Equal(2, await CountAsync(audit, "lookup_throttled"));

        // Someone else is not held back by this user's limit.
        var other = await IdentifyAsync(http, "other-user", "other-user", "maria@example.com");
        Assert.DoesNotContain(Throttled, other, StringComparison.Ordinal);
        Assert.Contains("If an account matches", other, StringComparison.Ordinal);

        // The window slides on the host's clock: the user is let through again once it has passed.
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.DoesNotContain(Throttled, await IdentifyAsync(http, "burst-later", "same-user", "maria@example.com"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GlobalLimit_HoldsAcrossUsers()
    {
        using var app = new BotApplication(settings: new() { ["Security:LookupLimits:GlobalPermitLimit"] = "3" });
        var http = app.CreateClient();
        for (var n = 0; n < 3; n++)
        {
            Assert.DoesNotContain(Throttled, await IdentifyAsync(http, $"global-{n}", $"global-user-{n}", "maria@example.com"), StringComparison.Ordinal);
        }

        Assert.Contains(Throttled, await IdentifyAsync(http, "global-4", "global-user-4", "maria@example.com"), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidLimits_StopStartUp()
    {
        using var app = new BotApplication(settings: new() { ["Security:LookupLimits:PerUserPermitLimit"] = "0" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("PerUserPermitLimit", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> IdentifyAsync(HttpClient http, string conversationId, string userId, string identifier)
    {
        var user = new ExpectRepliesClient(http, conversationId, userId: userId);
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync(identifier);
        return user.LastText;
    }

    private static async Task<int> CountAsync(IAuditLog audit, string type) =>
        (await audit.ReadAsync(0, 10_000, TestContext.Current.CancellationToken)).Count(record => record.Event.Type == type);
}
