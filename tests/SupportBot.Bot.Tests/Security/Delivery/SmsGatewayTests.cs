using System.Net;
using System.Text.RegularExpressions;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.Security.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.Security.Delivery;

/// <summary>Codes by SMS through the configured HTTP gateway: a Kestrel server on a loopback port plays the gateway.</summary>
public sealed partial class SmsGatewayTests
{
    [Fact]
    public async Task Gateway503ThenOk_IsRetried_AndTheSmsIsDeliveredOnce()
    {
        var token = TestContext.Current.CancellationToken;
        await using var gateway = await LocalSmsGateway.StartAsync(token);
        gateway.Answer = n => n == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK;
        await using var host = new SecurityHost(gateway.HostSettings());
        using var http = host.CreateClient();
        var user = await StartSmsAsync(http, "sms-retry");

        await OutboxRows.WaitUntilAsync(() => Task.FromResult(gateway.Delivered.Any()), "the gateway accepted the SMS");
        await Task.Delay(500, token);
        Assert.Equal(2, gateway.Requests);
        var sms = Assert.Single(gateway.Delivered);
        Assert.Equal("+1 555 0100", sms.To);
        Assert.Equal(LocalSmsGateway.ApiKey, sms.ApiKey);
        var code = Code().Match(sms.Text).Value;
        Assert.Equal(8, code.Length);
        await OutboxRows.WaitUntilAsync(
            async () => (await OutboxRows.ReadAsync(host.DataDirectory)).Any(row => row is { Channel: "sms", Status: "delivered", Attempts: 1 }),
            "the outbox recorded one delivered attempt");

        await user.SubmitCodeAsync(code);
        Assert.Matches(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}", user.LastText);
        Assert.DoesNotContain(LocalSmsGateway.ApiKey, host.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(code, host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatewayDownForAWhile_MessageIsKept_AndDeliveredLater()
    {
        var token = TestContext.Current.CancellationToken;
        await using var gateway = await LocalSmsGateway.StartAsync(token);
        var up = false;
        gateway.Answer = _ => Volatile.Read(ref up) ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable;
        await using var host = new SecurityHost(gateway.HostSettings());
        using var http = host.CreateClient();
        var user = await StartSmsAsync(http, "sms-down");

        // One outbox attempt = the first try and two quick retries, then the message waits for its backoff.
        await OutboxRows.WaitUntilAsync(
            async () => (await OutboxRows.ReadAsync(host.DataDirectory)).Any(row => row is { Channel: "sms", Status: "pending", Attempts: 1, Error: not null }),
            "the first attempt failed");
        Assert.Equal(3, gateway.Requests);
        await Task.Delay(700, token);
        Assert.Equal(3, gateway.Requests); // no hammering while the backoff runs
        Assert.Empty(gateway.Delivered);

        Volatile.Write(ref up, true);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await OutboxRows.WaitUntilAsync(() => Task.FromResult(gateway.Delivered.Any()), "the SMS was delivered after the outage");
        await OutboxRows.WaitUntilAsync(
            async () => (await OutboxRows.ReadAsync(host.DataDirectory)).Any(row => row is { Channel: "sms", Status: "delivered", Attempts: 2 }),
            "the outbox recorded the delivery on the second attempt");
        var sms = Assert.Single(gateway.Delivered);

        await user.SubmitCodeAsync(Code().Match(sms.Text).Value);
        Assert.Matches(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}", user.LastText);
    }

    [Fact]
    public async Task GatewayRefusesTheRequest_MessageIsDeadLettered_WithAnOperatorLogLineAndNoSecrets()
    {
        var token = TestContext.Current.CancellationToken;
        await using var gateway = await LocalSmsGateway.StartAsync(token);
        gateway.Answer = _ => HttpStatusCode.BadRequest;
        await using var host = new SecurityHost(gateway.HostSettings());
        using var http = host.CreateClient();
        await StartSmsAsync(http, "sms-dead");

        await OutboxRows.WaitUntilAsync(
            async () => (await OutboxRows.ReadAsync(host.DataDirectory)).Any(row => row is { Channel: "sms", Status: "dead" }),
            "the message was dead-lettered");
        Assert.Equal(1, gateway.Requests); // a permanent refusal is not retried

        // The worker writes the operator's line just after it marks the row dead.
        await OutboxRows.WaitUntilAsync(
            () => Task.FromResult(host.Logs.Lines.Any(line => line.Contains("DEAD LETTER", StringComparison.Ordinal))),
            "the dead letter was logged");
        var line = Assert.Single(host.Logs.Lines, line => line.Contains("DEAD LETTER", StringComparison.Ordinal));
        Assert.Contains("sms", line, StringComparison.Ordinal);
        var code = Code().Match(Assert.Single(gateway.Received).Text).Value;
        foreach (var secret in new[] { code, "555 0100", LocalSmsGateway.ApiKey })
        {
            Assert.DoesNotContain(secret, host.Logs.All, StringComparison.Ordinal);
        }
    }

    private static async Task<ExpectRepliesClient> StartSmsAsync(HttpClient http, string conversation)
    {
        var user = new ExpectRepliesClient(http, conversation);
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("maria@example.com");
        await user.PressAsync("method:sms");
        return user;
    }

    [GeneratedRegex(@"\b\d{8}\b")]
    private static partial Regex Code();
}
