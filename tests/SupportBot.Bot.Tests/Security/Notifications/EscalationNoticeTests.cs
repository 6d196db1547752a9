using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Security.Repudiation;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.Security.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.Security.Notifications;

/// <summary>
/// After a recovery escalation every contact on file hears about it, old ones included (docs/security.md B10), with
/// a "this wasn't me" code that flags the case and is recorded as <c>repudiated</c> in the audit log.
/// </summary>
public sealed partial class EscalationNoticeTests
{
    [Fact]
    public async Task Escalation_NotifiesEveryContactIncludingTheRemovedEmail_AndNotMeFlagsTheCase()
    {
        var token = TestContext.Current.CancellationToken;
        await using var host = new SecurityHost();
        using var http = host.CreateClient();
        var user = new ExpectRepliesClient(http, "notice-sam");
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("sam@example.com");
        await user.PressAsync("method:sms");
        await user.SubmitCodeAsync(await DevOutbox.WaitForCodeAsync(http, "+44 7700 900123"));
        var caseId = CaseNumber().Match(user.LastText).Value;
        Assert.NotEmpty(caseId);

        // The new email (changed 2 days ago), the old one the attacker removed, and the phone.
        var notices = await WaitForNoticesAsync(http, caseId, 3);
        Assert.Equal(
            ["+44 7700 900123", "sam.old@example.com", "sam@example.com"],
            notices.Select(n => n.GetProperty("to").GetString()!).Order(StringComparer.Ordinal));
        var text = host.Services.GetRequiredService<ITextRenderer>();
        var email = notices.First(n => n.GetProperty("to").GetString() == "sam.old@example.com").GetProperty("text").GetString()!;
        var code = RepudiationCodeText().Match(email).Value;
        Assert.Equal(
            text.Render("en", "security.notice.escalation.email", new Dictionary<string, object?>
            {
                ["caseId"] = caseId,
                ["code"] = code,
                ["link"] = $"http://localhost:5080/security/not-me?code={code}&lang=en",
            }),
            email);

        // Opening the link repudiates nothing (mail scanners follow links); confirming does.
        var page = await http.GetAsync($"/security/not-me?code={code}&lang=en", token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var repudiation = host.Services.GetRequiredService<RepudiationService>();
        Assert.Null(await repudiation.RepudiatedAtAsync(caseId, token));

        var wrong = await http.PostAsync("/security/not-me", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "00000-00000-00000", ["lang"] = "en" }), token);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Null(await repudiation.RepudiatedAtAsync(caseId, token));

        var confirmed = await http.PostAsync("/security/not-me", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code.ToLowerInvariant(), ["lang"] = "en" }), token);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains(caseId, await confirmed.Content.ReadAsStringAsync(token), StringComparison.Ordinal);
        Assert.NotNull(await repudiation.RepudiatedAtAsync(caseId, token));

        var audit = await host.Services.GetRequiredService<IAuditLog>().ReadAsync(0, 1000, token);
        var repudiated = Assert.Single(audit, record => record.Event.Type == "repudiated");
        Assert.Equal(caseId, repudiated.Event.CaseId);
        Assert.Equal("acc-sam", repudiated.Event.AccountRef);
        var notified = Assert.Single(audit, record => record.Event.Type == "notified");
        Assert.Equal(caseId, notified.Event.CaseId);
        Assert.DoesNotContain("sam.old@example.com", notified.Event.DataJson, StringComparison.Ordinal);
        Assert.IsType<AuditVerification.Intact>(await host.Services.GetRequiredService<IAuditLog>().VerifyAsync(token));
    }

    private static async Task<IReadOnlyList<JsonElement>> WaitForNoticesAsync(HttpClient http, string caseId, int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var notices = (await DevOutbox.ReadAsync(http)).Where(m => m.GetProperty("text").GetString()!.Contains(caseId, StringComparison.Ordinal)).ToList();
            if (notices.Count >= count || waited.Elapsed > TimeSpan.FromSeconds(15))
            {
                return notices;
            }

            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex CaseNumber();

    [GeneratedRegex(@"[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}")]
    private static partial Regex RepudiationCodeText();
}
