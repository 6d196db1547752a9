using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.Security.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.Privacy;

/// <summary>
/// security.md F3 through the real host's logging: a CR/LF and a fake log line inside a user id, conversation id,
/// locale, channel id, header or exception message never becomes a line of its own, and tokens and codes never
/// reach a log line, whichever provider writes it.
/// </summary>
public sealed partial class LogForgingTests
{
    private const string Forged = "2026-11-22 10:00:00 info: SupportBot.Agents[0] agent admin resolved case SB-AAAA-BBBB as restored";
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkbF91c2VyLXRva2VuIn0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU";
    private const string Secret = "security-test-secret-0123456789-abcdefghijklmnop";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    public async Task ClientValues_WithALineBreakAndAFakeEntry_StayOnOneLine_AndSecretsAreMasked(string lineBreak)
    {
        await using var host = new SecurityHost();
        _ = host.CreateClient();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SupportBot.Bot.Tests.Privacy");

        LogRequest(logger, "user" + lineBreak + Forged, "conv" + lineBreak + Forged, "en" + lineBreak + Forged, "test" + lineBreak + Forged, "Mozilla/5.0" + lineBreak + Forged, "Bearer " + Token);
        LogFailure(logger, "48213907", new InvalidOperationException("bad input" + lineBreak + Forged + " code 48213907 token " + Token));
        using (logger.BeginScope("RequestPath:/api/messages" + lineBreak + Forged))
        {
            LogRequest(logger, "u", "c", "en", "test", "ua", Secret);
        }

        var lines = host.Logs.Lines.Where(line => line.Contains("SupportBot.Bot.Tests.Privacy", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, line => Assert.DoesNotContain(line, c => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029'));
        Assert.All(lines, line => Assert.DoesNotContain(Token, line, StringComparison.Ordinal));
        Assert.All(lines, line => Assert.DoesNotContain("48213907", line, StringComparison.Ordinal));
        Assert.All(lines, line => Assert.DoesNotContain(Secret, line, StringComparison.Ordinal));
        Assert.Contains(Forged, lines[0], StringComparison.Ordinal); // still there to read, escaped, inside the entry
        Assert.Contains("[token hidden]", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConversationIdWithAForgedLine_ThroughApiMessages_DoesNotForgeALogLine()
    {
        await using var host = new SecurityHost(new() { ["Security:LookupLimits:PerUserPermitLimit"] = "1" });
        var http = host.CreateClient();
        var user = new ExpectRepliesClient(http, "conv\r\n" + Forged);
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("maria@example.com");
        await user.PressAsync("no");
        await user.SayAsync("kim@example.com"); // the second lookup: over the limit, logged with the conversation id

        var refused = Assert.Single(host.Logs.Lines, line => line.Contains("over the lookup rate limit", StringComparison.Ordinal));
        Assert.Contains("conv\\r\\n" + Forged, refused, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeliveredCodes_NeverReachTheLogs()
    {
        await using var host = new SecurityHost();
        var http = host.CreateClient();
        var user = new ExpectRepliesClient(http, "log-codes");
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("maria@example.com");
        await user.PressAsync("method:email");
        var code = await DevOutbox.WaitForCodeAsync(http, "maria@example.com");
        await user.SubmitCodeAsync(code);

        Assert.Contains(host.Logs.Lines, line => line.Contains("[demo outbox]", StringComparison.Ordinal));
        Assert.DoesNotContain(code, host.Logs.All, StringComparison.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request from {UserId} in {ConversationId} ({Locale}, {ChannelId}), agent {UserAgent}, auth {Authorization}")]
    private static partial void LogRequest(ILogger logger, string userId, string conversationId, string locale, string channelId, string userAgent, string authorization);

    [LoggerMessage(Level = LogLevel.Error, Message = "Check of {Code} failed")]
    private static partial void LogFailure(ILogger logger, string code, Exception exception);
}
