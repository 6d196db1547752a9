using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Bot.Conversation;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Security.OutputFilter;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.Agents;
using SupportBot.Bot.Tests.BotConnector;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Dialogs.Conversation;
using Xunit;

namespace SupportBot.Bot.Tests.Security.OutputFilter;

/// <summary>security.md A5: the deterministic filter between rendering and sending, for catalog replies and agent messages.</summary>
public sealed class OutgoingReplyGuardTests
{
    private const string SafeText = "nobody from support will ever ask for your password";

    [Fact]
    public async Task CatalogReply_ThatWouldShowAFullContact_IsReplacedWithTheSafeMessage()
    {
        // A catalog whose identifier prompt was edited to show a real address: the filter catches it after rendering.
        using var app = new BotApplication(services: services => services.Replace(ServiceDescriptor.Singleton<ITextRenderer>(
            provider => new LeakyPrompt(ActivatorUtilities.CreateInstance<CatalogTextRenderer>(provider)))));
        var user = new ExpectRepliesClient(app.CreateClient(), "leaky-catalog");
        await user.StartAsync();
        await user.PressAsync("human");

        Assert.Contains(SafeText, user.LastText, StringComparison.Ordinal);
        Assert.DoesNotContain("ops.lead@corp-mail.net", user.LastText, StringComparison.Ordinal);
        Assert.DoesNotContain("+44 7700 900123", user.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NormalReplies_WithPlaceholdersMaskedContactsAndCaseIds_PassUnchanged()
    {
        using var app = new BotApplication();
        var guard = app.Services.GetRequiredService<OutgoingReplyGuard>();
        var user = new ExpectRepliesClient(app.CreateClient(), "normal-flow");
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("maria@example.com");
        Assert.Contains("If an account matches", user.LastText, StringComparison.Ordinal);
        Assert.DoesNotContain(SafeText, user.LastText, StringComparison.Ordinal);

        // The catalogs' own examples (name@example.com, +1 555 0111) pass in every launch language.
        var renderer = app.Services.GetRequiredService<ReplyRenderer>();
        foreach (var language in RepositoryFiles.LaunchLanguages())
        {
            var invalid = renderer.Render(Reply.Of("verify.identify.invalid"), language, withActions: false).Text!;
            Assert.Contains("@example.com", invalid, StringComparison.Ordinal);
            Assert.Equal(OutgoingReplyGuard.Verdict.Allowed, guard.Inspect(invalid, OutgoingReplyGuard.Source.Catalog));
        }

        Assert.Equal(OutgoingReplyGuard.Verdict.Allowed, guard.Inspect("Your case SB-4821-7730 is open; we wrote to m•••@example.com and •••123.", OutgoingReplyGuard.Source.Agent));
        Assert.Equal(OutgoingReplyGuard.Verdict.Allowed, guard.Inspect("We open again on Monday, 23 November 2026 08:00 (UTC+01:00), or 23.11.2026 08:00.", OutgoingReplyGuard.Source.Catalog));
        Assert.Equal(OutgoingReplyGuard.Verdict.Allowed, guard.Inspect("Hi Maria, I'm looking at your case now. It takes about 15 minutes.", OutgoingReplyGuard.Source.Agent));
    }

    [Theory]
    [InlineData("Please write to maria.lopez@gmail.com", OutgoingReplyGuard.Verdict.FullContact)]
    [InlineData("Call me back on +44 7700 900123 please", OutgoingReplyGuard.Verdict.FullContact)]
    [InlineData("Your code is 482913", OutgoingReplyGuard.Verdict.Code)]
    [InlineData("send me the code you received", OutgoingReplyGuard.Verdict.AsksForSecret)]
    [InlineData("Envoyez-moi le code reçu par SMS", OutgoingReplyGuard.Verdict.AsksForSecret)]
    [InlineData("Dime tu contraseña, por favor", OutgoingReplyGuard.Verdict.AsksForSecret)]
    public void AgentText_ThatLeaksOrAsksForASecret_IsBlocked(string text, OutgoingReplyGuard.Verdict expected)
    {
        using var app = new BotApplication();
        var guard = app.Services.GetRequiredService<OutgoingReplyGuard>();

        Assert.Equal(expected, guard.Inspect(text, OutgoingReplyGuard.Source.Agent));
    }

    [Fact]
    public async Task AgentMessages_AskingForTheCodeOrShowingAPhone_ReachTheUserAsTheSafeMessage()
    {
        await using var channel = await LocalChannelServer.StartAsync();
        using var app = new BotApplication();
        var user = new ChannelUser(app.CreateClient(), "filter-agent", channel.ServiceUrl);
        var caseId = await user.VerifyAndEscalateAsync();
        var agent = new AgentConsoleClient(app.CreateClient());
        using (var signIn = await agent.SignInAsync("demo.agent", "demo-agent-2026"))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        using (var accepted = await agent.PostAsync($"/agent/api/cases/{caseId}/accept"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        foreach (var text in new[] { "send me the code you received", "Please call +1 415 555 2671 now", "Thanks, checking your case now." })
        {
            using var sent = await agent.PostAsync($"/agent/api/cases/{caseId}/messages", new { text });
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        var texts = await WaitForTextsAsync(channel, "Thanks, checking your case now.");
        Assert.Equal(2, texts.Count(text => text.Contains(SafeText, StringComparison.Ordinal)));
        Assert.DoesNotContain(texts, text => text.Contains("send me the code", StringComparison.Ordinal) || text.Contains("415 555 2671", StringComparison.Ordinal));

        var audit = await app.Services.GetRequiredService<IAuditLog>().ReadAsync(0, 1000, TestContext.Current.CancellationToken);
        Assert.Equal(2, audit.Count(record => record.Event.Type == "agent_message" && record.Event.DataJson.Contains("\"blocked\":true", StringComparison.Ordinal)));
    }

    private static async Task<IReadOnlyList<string>> WaitForTextsAsync(LocalChannelServer channel, string last)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            var texts = channel.Replies.Select(reply => reply.Body)
                .Select(body => body.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : string.Empty)
                .ToList();
            if (texts.Any(text => text.Contains(last, StringComparison.Ordinal)))
            {
                return texts;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"The channel never received '{last}'.");
    }

    private sealed class LeakyPrompt(ITextRenderer inner) : ITextRenderer
    {
        public string Render(string language, string key, IReadOnlyDictionary<string, object?>? arguments = null) =>
            key == "verify.identify.prompt"
                ? inner.Render(language, key, arguments) + " Or write to ops.lead@corp-mail.net / +44 7700 900123."
                : inner.Render(language, key, arguments);
    }
}
