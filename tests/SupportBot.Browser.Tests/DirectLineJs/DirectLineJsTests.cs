using Xunit;

namespace SupportBot.Browser.Tests.DirectLineJs;

/// <summary>
/// The official client against the real server: tests/directline-js runs botframework-directlinejs 0.15.5 (Web Chat
/// 4.18's) under jsdom, over WebSocket and over polling, from another origin so CORS is exercised too.
/// </summary>
public sealed class DirectLineJsTests(ScriptedBotServer server) : IClassFixture<ScriptedBotServer>
{
    [Fact]
    public async Task OfficialClient_OverWebSocketAndPolling_SeesEchoesAndBotReplies()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = await DirectLineJsFolder.PrepareAsync(cancellationToken);

        // The script gets its token from the page's token exchange, as the built-in page does.
        var (exitCode, output) = await NodeProcess.RunAsync(
            "node", ["directline-check.js", server.BaseAddress.ToString()], directory, TimeSpan.FromMinutes(2), cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(output);

        Assert.True(exitCode == 0, "directline-check.js failed:\n" + output);
        Assert.Contains("PASS websocket", output);
        Assert.Contains("PASS polling", output);
        Assert.Contains(ScriptedBot.Acknowledgement("hello over websocket"), output);
        Assert.Contains(ScriptedBot.Acknowledgement("hello over polling"), output);
        Assert.Contains("2 passed, 0 failed", output);
    }
}
