using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.Security.TestSupport;
using Xunit;

namespace SupportBot.Bot.Tests.Security.Adversarial;

/// <summary>What "the attack failed" means (issue 4): no escalation, no unmasked contact, no code accepted out of bounds.</summary>
internal static partial class AdversarialChecks
{
    /// <summary>Every contact of every demo account, as the directory holds them.</summary>
    public static readonly string[] ContactsOnFile =
    [
        "maria@example.com", "+1 555 0100", "sam@example.com", "sam.old@example.com", "+44 7700 900123",
        "ade@example.com", "+234 802 555 0199", "kim@example.com", "+1 555 0142", "locked@example.com", "disabled@example.com",
    ];

    public static async Task AssertNotEscalatedAsync(SecurityHost host, string conversationId)
    {
        var token = TestContext.Current.CancellationToken;
        Assert.Null(await host.Services.GetRequiredService<ICaseStore>().FindByConversationAsync(conversationId, token));
        var audit = await host.Services.GetRequiredService<IAuditLog>().ReadAsync(0, 100_000, token);
        Assert.DoesNotContain(audit, record => record.Event.ConversationId == conversationId
            && record.Event.Type is "verification_passed" or "escalated");
        var state = await host.Services.GetRequiredService<IConversationStateStore>().GetAsync(conversationId, token);
        if (state is not null)
        {
            using var json = JsonDocument.Parse(state.StateJson);
            Assert.DoesNotMatch(@"""(Verified|AfterHours|Queued|WithAgent)""", json.RootElement.GetRawText());
        }
    }

    /// <summary>No reply of the bot (text or button) shows a contact on file in clear, whatever the user typed.</summary>
    public static void AssertNoContactShown(DirectLineUser user)
    {
        var shown = string.Join('\n', user.LastReplies.Select(reply => reply.GetRawText()));
        foreach (var contact in ContactsOnFile)
        {
            Assert.DoesNotContain(contact, shown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(JsonSerializer.Serialize(contact)[1..^1], shown, StringComparison.OrdinalIgnoreCase);
        }
    }

    public static void AssertNoCaseNumber(DirectLineUser user) => Assert.DoesNotMatch(CaseNumber(), user.LastText);

    public static void AssertCaseNumber(DirectLineUser user) => Assert.Matches(CaseNumber(), user.LastText);

    /// <summary>Walks to the code prompt for <paramref name="identifier"/> by <paramref name="method"/>.</summary>
    public static async Task<DirectLineUser> ToCodePromptAsync(HttpClient http, string locale, string identifier, string method = "method:email")
    {
        var user = await DirectLineUser.StartAsync(http, locale);
        await user.PressAsync("human");
        await user.SayAsync(identifier);
        await user.PressAsync(method);
        return user;
    }

    public static async Task<IReadOnlyList<string>> CodesSentToAsync(HttpClient http, string to) =>
        [.. (await DevOutbox.ReadAsync(http)).Where(m => m.GetProperty("to").GetString() == to)
            .Select(m => EightDigits().Match(m.GetProperty("text").GetString()!).Value).Where(code => code.Length > 0)];

    [GeneratedRegex(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    public static partial Regex CaseNumber();

    [GeneratedRegex(@"\b\d{8}\b")]
    private static partial Regex EightDigits();
}
