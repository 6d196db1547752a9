using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace SupportBot.Browser.Tests;

/// <summary>The whole product on its own server for the agent console test (its own database and presence).</summary>
public sealed class AgentConsoleServer() : BrowserBotServer(bot: null);

/// <summary>
/// Two pages at once in Chromium: a user in Web Chat gets verified and escalates; an agent in the console sees the
/// case arrive live, accepts, and they talk both ways (the agent's typing shows in Web Chat); the agent resolves and
/// the user sees the outcome in their language and rates the help.
/// </summary>
public sealed partial class AgentConsoleBrowserTests(AgentConsoleServer server, ChromiumBrowser chromium) : IClassFixture<AgentConsoleServer>, IAsyncLifetime
{
    private const string SendBox = "[data-id='webchat-sendbox-input']";
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";
    private const string SuggestedActionButton = ".webchat__suggested-actions button";

    private BrowserPage _user = null!;
    private BrowserPage _agent = null!;

    public async ValueTask InitializeAsync()
    {
        _user = await BrowserPage.OpenAsync(chromium.Browser, server.BaseAddress);
        _agent = await BrowserPage.OpenAsync(chromium.Browser, server.BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _user.DisposeAsync();
    }

    [Fact]
    public async Task UserEscalates_AgentSeesItLive_TheyChat_AgentResolves_UserSeesTheOutcome()
    {
        var agent = _agent.Page;
        var user = _user.Page;

        // The agent signs in first; the queue is empty.
        await agent.GotoAsync("/agent/");
        await agent.Locator("#username").FillAsync("demo.agent");
        await agent.Locator("#password").FillAsync("demo-agent-2026");
        await agent.Locator("#sign-in-form button[type=submit]").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("live")).ToHaveTextAsync("Live");
        await Assertions.Expect(agent.GetByTestId("count-waiting")).ToHaveTextAsync("Waiting: 0");

        // The user, in Web Chat, asks for a person and proves the account is theirs.
        await user.GotoAsync("/");
        await Assertions.Expect(user.Locator(SendBox)).ToBeVisibleAsync();
        await ExpectBotSaysAsync("never");
        await SendAsync("I want to talk to a human");
        await ExpectBotSaysAsync("prove the account is yours");
        await SendAsync("maria@example.com");
        using var outbox = server.CreateClient();
        var codesBefore = await DevOutboxCodes.CountAsync(outbox, "maria@example.com");
        await user.Locator(SuggestedActionButton).Filter(new() { HasText = "Email" }).ClickAsync();
        await CodeBoxInWebChat.SubmitAsync(user, await DevOutboxCodes.WaitForNextAsync(outbox, "maria@example.com", codesBefore));
        var queued = user.Locator(BotBubble).Filter(new() { HasTextRegex = CaseNumber() });
        await Assertions.Expect(queued).ToBeVisibleAsync();
        var caseId = CaseNumber().Match(await queued.Last.InnerTextAsync()).Value;

        // The case appears in the console without a reload, flagged as new, and the count goes up.
        var item = agent.Locator($"[data-case-id='{caseId}']");
        await Assertions.Expect(item).ToBeVisibleAsync();
        await Assertions.Expect(item).ToHaveClassAsync(new Regex("is-new"));
        await Assertions.Expect(agent.GetByTestId("count-waiting")).ToHaveTextAsync("Waiting: 1");

        await item.ClickAsync();
        await Assertions.Expect(agent.GetByTestId("case-id")).ToHaveTextAsync(caseId);
        await Assertions.Expect(agent.GetByTestId("evidence")).ToContainTextAsync("m•••@example.com");
        await Assertions.Expect(agent.GetByTestId("evidence")).ToContainTextAsync("Proofs: 1 of 1");
        await agent.GetByTestId("accept").ClickAsync();
        await ExpectBotSaysAsync("Alex from support has joined the chat.");

        // The agent types: Web Chat shows the typing indicator; then the message arrives.
        var compose = agent.GetByTestId("compose");
        await Assertions.Expect(compose).ToBeEditableAsync(); // Shown once the console has the accept's answer.
        await compose.ClickAsync();
        var typingSent = agent.WaitForResponseAsync(response => response.Url.EndsWith("/typing", StringComparison.Ordinal));
        await compose.PressSequentiallyAsync("Hello Maria, I'm Alex. I can see your check passed.", new() { Delay = 20 });
        Assert.Equal(200, (await typingSent).Status);
        await Assertions.Expect(user.Locator(".webchat__typing-indicator")).ToBeVisibleAsync();
        await compose.PressAsync("Enter");
        await ExpectBotSaysAsync("Hello Maria, I'm Alex.");

        // The user answers; the bot stays silent and the agent reads it, as inert text.
        var botBubbles = await user.Locator(BotBubble).CountAsync();
        const string Hostile = "<img src=x onerror=\"window.__pwned=1\"><b>bold</b> my email still fails";
        await SendAsync(Hostile);
        var line = agent.GetByTestId("transcript").Locator("li").Filter(new() { HasText = "my email still fails" });
        await Assertions.Expect(line).ToBeVisibleAsync();
        await Assertions.Expect(line).ToContainTextAsync("<img src=x onerror=\"window.__pwned=1\"><b>bold</b>");
        Assert.Equal(0, await agent.GetByTestId("transcript").Locator("img, b").CountAsync());
        Assert.Equal("undefined", await agent.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.Equal(botBubbles, await user.Locator(BotBubble).CountAsync());

        // Resolved: the user sees the outcome in their language, then rates the help.
        await agent.GetByTestId("outcome").SelectOptionAsync("restored");
        await agent.GetByTestId("resolve").ClickAsync();
        await ExpectBotSaysAsync($"Your case {caseId} is closed: your account access has been restored.");
        await ExpectBotSaysAsync("How was the help you got today?");
        await user.Locator(SuggestedActionButton).Filter(new() { HasText = "Good" }).ClickAsync();
        await ExpectBotSaysAsync("Thank you for telling us.");

        Assert.Empty(_user.Errors);
        Assert.Empty(_agent.Errors);
        await _agent.ScreenshotAsync("agent-console-resolved");
        await _user.ScreenshotAsync("agent-console-user-rated");
    }

    private async Task ExpectBotSaysAsync(string text) =>
        await Assertions.Expect(_user.Page.Locator(BotBubble).Filter(new() { HasText = text }).Last).ToBeVisibleAsync(new() { Timeout = 15_000 });

    private async Task SendAsync(string text)
    {
        var sendBox = _user.Page.Locator(SendBox);
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
    }

    [GeneratedRegex(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex CaseNumber();
}
