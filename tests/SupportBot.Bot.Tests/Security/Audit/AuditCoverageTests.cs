using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.Security.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.Security.Audit;

/// <summary>Every verification step and the escalation leave a record with the event names of docs/security.md F1, and no secrets.</summary>
public sealed class AuditCoverageTests
{
    [Fact]
    public async Task RecoveryToQueue_IsAuditedStepByStep_WithF1EventNames_AndNoContactsOrCodesInClear()
    {
        var token = TestContext.Current.CancellationToken;
        await using var host = new SecurityHost();
        using var http = host.CreateClient();
        var user = new ExpectRepliesClient(http, "audit-maria");
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("maria@example.com");
        await user.PressAsync("method:email");
        var code = await DevOutbox.WaitForCodeAsync(http, "maria@example.com");
        await user.SubmitCodeAsync(code == "11111111" ? "22222222" : "11111111");
        await user.SubmitCodeAsync(code);
        Assert.Matches(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}", user.LastText);

        var audit = host.Services.GetRequiredService<IAuditLog>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<AuditRecord> records;
        do
        {
            records = await audit.ReadAsync(0, 1000, token);
            await Task.Delay(50, token);
        }
        while (!records.Any(record => record.Event.Type == "notified") && waited.Elapsed < TimeSpan.FromSeconds(15));

        var types = records.Where(record => record.Event.ConversationId == "audit-maria").Select(record => record.Event.Type).ToList();
        string[] expectedInOrder = ["recovery_started", "code_sent", "code_failed", "verification_passed", "escalated", "notified"];
        var position = -1;
        foreach (var expected in expectedInOrder)
        {
            var next = types.IndexOf(expected, position + 1);
            Assert.True(next > position, $"'{expected}' missing or out of order in: {string.Join(", ", types)}");
            position = next;
        }

        // recovery_started comes before the account is named; every later step carries it.
        Assert.All(records.Where(record => record.Event.ConversationId == "audit-maria" && record.Event.Type != "recovery_started"), record => Assert.Equal("acc-maria", record.Event.AccountRef));
        var all = string.Join('\n', records.Select(record => record.Event.DataJson));
        Assert.DoesNotContain("maria@example.com", all, StringComparison.Ordinal);
        Assert.DoesNotContain(code, all, StringComparison.Ordinal);
        Assert.IsType<AuditVerification.Intact>(await audit.VerifyAsync(token));
    }
}
