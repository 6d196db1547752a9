using Xunit;

namespace SupportBot.Browser.Tests.DirectLineJs;

/// <summary>
/// A whole recovery conversation with the real bot through the official client: tests/directline-js/recovery-conversation.js
/// runs botframework-directlinejs 0.15.5 (Web Chat 4.18's) under jsdom, once over WebSocket (as sam, whose code must go
/// to the old email) and once by polling (as maria), each in its own conversation. It checks the replies of every step,
/// the messageBack buttons, the code in /dev/outbox, the redacted echo of a typed code and the case number at the end.
/// </summary>
public sealed class DirectLineJsRecoveryConversationTests(RecoveryBotServer server) : IClassFixture<RecoveryBotServer>
{
    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task OfficialClient_RealBot_HackedAccountToVerifiedCaseInLine(string mode)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = await DirectLineJsFolder.PrepareAsync(cancellationToken);

        var (exitCode, output) = await NodeProcess.RunAsync(
            "node", ["recovery-conversation.js", server.BaseAddress.ToString(), mode], directory, TimeSpan.FromMinutes(2), cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(output);

        Assert.True(exitCode == 0, $"recovery-conversation.js {mode} failed with exit code {exitCode}:\n{output}");
        Assert.Contains($"PASS {mode}", output, StringComparison.Ordinal);
        Assert.Contains("1 passed, 0 failed", output, StringComparison.Ordinal);
    }
}
