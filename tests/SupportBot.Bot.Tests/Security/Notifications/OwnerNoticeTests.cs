using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.Security.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.Security.Notifications;

/// <summary>Code requests beyond the send caps (SMS pumping, inbox flooding) end in a notice to every contact on file.</summary>
public sealed class OwnerNoticeTests
{
    [Fact]
    public async Task SendCapReached_OwnerIsNotifiedOnEveryContact_InTheDefaultLanguage()
    {
        var token = TestContext.Current.CancellationToken;
        await using var host = new SecurityHost();
        using var http = host.CreateClient();
        for (var conversation = 0; conversation < 5; conversation++)
        {
            var user = new ExpectRepliesClient(http, "pump-" + conversation);
            await user.StartAsync();
            await user.PressAsync("human");
            await user.SayAsync("maria@example.com");
            await user.PressAsync("method:email");
        }

        var expected = host.Services.GetRequiredService<ITextRenderer>().Render(
            "en", "security.notice.owner.email", new Dictionary<string, object?> { ["reason"] = "send_cap_reached", ["link"] = "http://localhost:5080/" });
        var waited = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<System.Text.Json.JsonElement> notices = [];
        while (waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            notices = [.. (await DevOutbox.ReadAsync(http)).Where(m => m.GetProperty("text").GetString() == expected)];
            if (notices.Count > 0 && (await DevOutbox.ReadAsync(http)).Any(m => m.GetProperty("to").GetString() == "+1 555 0100"))
            {
                break;
            }

            await Task.Delay(50, token);
        }

        Assert.Equal("maria@example.com", Assert.Single(notices).GetProperty("to").GetString());
        Assert.Contains(await DevOutbox.ReadAsync(http), m => m.GetProperty("to").GetString() == "+1 555 0100" && m.GetProperty("channel").GetString() == "sms");
        var audit = await host.Services.GetRequiredService<IAuditLog>().ReadAsync(0, 1000, token);
        Assert.Contains(audit, record => record.Event.Type == "notified" && record.Event.AccountRef == "acc-maria" && record.Event.DataJson.Contains("send_cap_reached", StringComparison.Ordinal));
    }
}
