using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.Security.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.Security.Delivery;

/// <summary>Codes by email over real SMTP: Debian's aiosmtpd, started by the test, receives what the bot sends.</summary>
public sealed partial class SmtpDeliveryTests
{
    [Fact]
    public async Task EmailCode_ArrivesOverSmtp_ToTheContactOnFile_InTheUsersLanguage_CodeOnlyInTheBody()
    {
        var token = TestContext.Current.CancellationToken;
        using var smtp = await AiosmtpdServer.StartAsync(token);
        await using var host = new SecurityHost(new()
        {
            ["Delivery:Smtp:Host"] = "127.0.0.1",
            ["Delivery:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Delivery:Smtp:EnableSsl"] = "false",
            ["Delivery:Smtp:From"] = "no-reply@support.example.test",
        });
        using var http = host.CreateClient();
        var languages = host.Services.GetRequiredService<SupportedLanguages>();
        var language = languages.Resolve("es") ?? languages.Default;
        var user = new ExpectRepliesClient(http, "smtp-maria", language == "es" ? "es-ES" : "en-US");

        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("maria@example.com");
        await user.PressAsync("method:email");

        var mail = (await smtp.WaitForMessagesAsync(1, token))[0];
        var renderer = host.Services.GetRequiredService<ITextRenderer>();
        Assert.Contains("maria@example.com", mail.To, StringComparison.Ordinal);
        Assert.Equal(renderer.Render(language, "delivery.code.subject"), mail.Subject);
        var code = Code().Match(mail.Body).Value;
        Assert.Equal(8, code.Length);
        Assert.DoesNotContain(code, mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(await DevOutbox.ReadAsync(http), message => message.GetProperty("channel").GetString() == "email");

        await user.SubmitCodeAsync(code);
        Assert.Matches(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}", user.LastText);

        // The code left only by mail: not in a log line, and the outbox erased the delivered payload.
        Assert.DoesNotContain(code, host.Logs.All, StringComparison.Ordinal);
        Assert.Contains(await OutboxRows.ReadAsync(host.DataDirectory), row => row is { Channel: "email", Status: "delivered" });
    }

    [Fact]
    public async Task SmtpServerDown_MessageWaitsInTheOutbox_AndIsDeliveredWhenItComesBack()
    {
        var token = TestContext.Current.CancellationToken;
        using var smtp = await AiosmtpdServer.StartAsync(token);
        var port = smtp.Port;
        smtp.Dispose(); // down: nothing listens on the port any more
        await using var host = new SecurityHost(new()
        {
            ["Delivery:Smtp:Host"] = "127.0.0.1",
            ["Delivery:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Delivery:Smtp:EnableSsl"] = "false",
            ["Delivery:Smtp:From"] = "no-reply@support.example.test",
        });
        using var http = host.CreateClient();
        var user = new ExpectRepliesClient(http, "smtp-down");
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("maria@example.com");
        await user.PressAsync("method:email");

        await OutboxRows.WaitUntilAsync(
            async () => (await OutboxRows.ReadAsync(host.DataDirectory)).Any(row => row is { Channel: "email", Status: "pending", Attempts: >= 1, Error: not null }),
            "the first attempt failed");
        Assert.Empty(smtp.Messages());

        // The relay comes back on the same port; once the backoff has passed the worker delivers the kept message.
        using var back = await AiosmtpdServer.StartOnAsync(port, token);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var mail = (await back.WaitForMessagesAsync(1, token))[0];
        Assert.Contains("maria@example.com", mail.To, StringComparison.Ordinal);
        await user.SubmitCodeAsync(Code().Match(mail.Body).Value);
        Assert.Matches(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}", user.LastText);
    }

    [GeneratedRegex(@"\b\d{8}\b")]
    private static partial Regex Code();
}
