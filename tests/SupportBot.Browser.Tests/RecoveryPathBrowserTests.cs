using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace SupportBot.Browser.Tests;

/// <summary>
/// A person in Chromium, in the official Web Chat on the built-in page, walks the English path of the issue:
/// hacked → steps → "I want a human" → identify → code to the pre-compromise contact → the code typed in chat is
/// refused (the code box again) → a wrong code in the box counted → the right code in the box → queued with a case number.
/// </summary>
public sealed partial class RecoveryPathBrowserTests(RecoveryBotServer server, ChromiumBrowser chromium) : IClassFixture<RecoveryBotServer>, IAsyncLifetime
{
    private const string SendBox = "[data-id='webchat-sendbox-input']";
    private const string UserBubble = ".webchat__bubble--from-user";
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";
    private const string SuggestedActionButton = ".webchat__suggested-actions button";

    private BrowserPage _browser = null!;

    private IPage Page => _browser.Page;

    public async ValueTask InitializeAsync() => _browser = await BrowserPage.OpenAsync(chromium.Browser, server.BaseAddress);

    public ValueTask DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task EnglishPath_HackedToQueued_InWebChat()
    {
        await Page.GotoAsync("/");
        await Assertions.Expect(Page.Locator(SendBox)).ToBeVisibleAsync();
        await Page.WaitForFunctionAsync("() => (JSON.parse(sessionStorage.getItem('supportbot.directline')) || {}).conversationId");

        // The welcome arrives by itself, with the warning and the problem buttons.
        await ExpectBotSaysAsync("never");
        await Assertions.Expect(Page.Locator(SuggestedActionButton).Filter(new() { HasText = "I was hacked" })).ToBeVisibleAsync();

        await SendAsync("someone hacked my account and changed my email");
        await ExpectBotSaysAsync("Secure your email first");
        await Assertions.Expect(Page.GetByText("Send failed", new() { Exact = false })).ToHaveCountAsync(0);

        await SendAsync("I want to talk to a human");
        await ExpectBotSaysAsync("prove the account is yours");

        await SendAsync("sam@example.com");
        var email = Page.Locator(SuggestedActionButton).Filter(new() { HasText = "Email" });
        await Assertions.Expect(email).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(SuggestedActionButton).Filter(new() { HasText = "Text message" })).ToBeVisibleAsync();

        // A button is a messageBack: its title shows as the user's message.
        using var outbox = server.CreateClient();
        var codesBefore = await DevOutboxCodes.CountAsync(outbox, "sam.old@example.com");
        await email.ClickAsync();
        await Assertions.Expect(Page.Locator(UserBubble).Filter(new() { HasTextRegex = new Regex("^\\s*Email\\s*$") })).ToBeVisibleAsync();
        await ExpectBotSaysAsync("8-digit code");

        var code = await DevOutboxCodes.WaitForNextAsync(outbox, "sam.old@example.com", codesBefore);
        Assert.DoesNotContain((await DevOutbox(outbox)).EnumerateArray(), message => message.GetProperty("to").GetString() == "sam@example.com");

        // The code prompt carries the code box: labelled, a phone keypad and one-time-code autofill on mobiles.
        var box = CodeBoxInWebChat.Input(Page);
        await Assertions.Expect(box).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(CodeBoxInWebChat.Card).Last).ToContainTextAsync("The code we sent you");
        await Assertions.Expect(box).ToHaveAttributeAsync("type", "tel");
        await Assertions.Expect(box).ToHaveAttributeAsync("autocomplete", "one-time-code");
        await Assertions.Expect(box).ToHaveAttributeAsync("inputmode", "numeric");

        // Typed in the chat, even the right code is not checked: it is hidden in the echo, and the box comes back.
        await SendAsync(code);
        await ExpectBotSaysAsync("secure box");
        await Assertions.Expect(Page.Locator(UserBubble).Filter(new() { HasText = "[code hidden]" })).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator(UserBubble).Filter(new() { HasText = code })).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator(BotBubble).Filter(new() { HasTextRegex = CaseNumber() })).ToHaveCountAsync(0);

        var wrong = code == "11111111" ? "22222222" : "11111111";
        var submitted = Page.Locator(CodeBoxInWebChat.Card).Nth(await Page.Locator(CodeBoxInWebChat.Card).CountAsync() - 1);
        await CodeBoxInWebChat.SubmitAsync(Page, wrong);
        await ExpectBotSaysAsync("4 tries left");

        // What went through the box is never shown back, and the box is emptied once sent.
        await Assertions.Expect(Page.Locator(UserBubble).Filter(new() { HasText = wrong })).ToHaveCountAsync(0);
        await Assertions.Expect(submitted.Locator("input.ac-textInput")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(Page.Locator(CodeBoxInWebChat.Card).Locator($"input[value='{wrong}']")).ToHaveCountAsync(0);

        await CodeBoxInWebChat.SubmitAsync(Page, code);
        var queued = Page.Locator(BotBubble).Filter(new() { HasTextRegex = CaseNumber() });
        await Assertions.Expect(queued).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(queued).ToContainTextAsync("in line");
        Assert.Empty(_browser.Errors);
        await _browser.ScreenshotAsync("english-path-queued");
    }

    private async Task ExpectBotSaysAsync(string text) =>
        await Assertions.Expect(Page.Locator(BotBubble).Filter(new() { HasText = text }).Last).ToBeVisibleAsync(new() { Timeout = 15_000 });

    private async Task SendAsync(string text)
    {
        var sendBox = Page.Locator(SendBox);
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
    }

    [GeneratedRegex(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex CaseNumber();

    private static async Task<JsonElement> DevOutbox(HttpClient http) =>
        await http.GetFromJsonAsync<JsonElement>("/dev/outbox", TestContext.Current.CancellationToken);
}
