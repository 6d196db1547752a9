using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Verification;

/// <summary>The throttles live in storage: a restarted host (same data folder) holds the account back just the same.</summary>
public sealed class ThrottleRestartTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("supportbot-restart-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task FailuresAndSendCaps_SurviveARestart()
    {
        using (var before = new BotApplication(settings: new() { ["Data:Directory"] = _data.FullName }))
        {
            var http = before.CreateClient();
            for (var n = 0; n < 3; n++)
            {
                var user = await IdentifyAsync(http, "before-sms-" + n, "sam@example.com");
                await user.PressAsync("method:sms");
                Assert.Contains("we've sent", user.LastText, StringComparison.Ordinal);
            }

            var guesser = await IdentifyAsync(http, "before-guess", "maria@example.com");
            await guesser.PressAsync("method:email");
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await guesser.SubmitCodeAsync("5555555" + attempt);
            }

            Assert.Contains("verification is paused", guesser.LastText, StringComparison.Ordinal);
        }

        using var after = new BotApplication(settings: new() { ["Data:Directory"] = _data.FullName });
        var restarted = after.CreateClient();

        var paused = await IdentifyAsync(restarted, "after-guess", "maria@example.com");
        await paused.PressAsync("method:email");
        Assert.Contains("verification is paused", paused.LastText, StringComparison.Ordinal);

        var capped = await IdentifyAsync(restarted, "after-sms", "sam@example.com");
        await capped.PressAsync("method:sms");
        Assert.Contains("Too many codes", capped.LastText, StringComparison.Ordinal);
    }

    private static async Task<ExpectRepliesClient> IdentifyAsync(HttpClient http, string conversationId, string identifier)
    {
        var user = new ExpectRepliesClient(http, conversationId);
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync(identifier);
        return user;
    }
}
