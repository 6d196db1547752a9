using Xunit;

namespace SupportBot.Browser.Tests.DirectLineJs;

/// <summary>
/// The official client against the real server: tests/directline-js runs botframework-directlinejs 0.15.5 (Web Chat
/// 4.18's) under jsdom, over WebSocket and over polling, from another origin so CORS is exercised too.
/// </summary>
public sealed class DirectLineJsTests(KestrelBotServer server) : IClassFixture<KestrelBotServer>
{
    [Fact]
    public async Task OfficialClient_OverWebSocketAndPolling_SeesEchoesAndBotReplies()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = await DirectLineJsFolder.PrepareAsync(cancellationToken);

        var token = await server.GetTokenAsync("en-US", cancellationToken);
        var (exitCode, output) = await NodeProcess.RunAsync(
            "node", ["directline-check.js", server.BaseAddress.ToString(), token], directory, TimeSpan.FromMinutes(2), cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(output);

        Assert.True(exitCode == 0, "directline-check.js failed:\n" + output);
        Assert.Contains("PASS websocket", output);
        Assert.Contains("PASS polling", output);
        Assert.Contains("you said: hello over websocket", output);
        Assert.Contains("you said: hello over polling", output);
        Assert.Contains("2 passed, 0 failed", output);
    }
}
