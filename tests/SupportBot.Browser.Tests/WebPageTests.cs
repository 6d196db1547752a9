using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportBot.Bot.Web;
using Xunit;

namespace SupportBot.Browser.Tests;

/// <summary>The built-in page <c>/</c> in Chromium: safety notice, language picker, right-to-left, and Web Chat over Direct Line.</summary>
[Collection(WebPageCollection.Name)]
public sealed class WebPageTests(ScriptedBotServer server, ChromiumBrowser chromium) : IAsyncLifetime
{
    private const string SendBox = "[data-id='webchat-sendbox-input']";
    private const string Transcript = ".webchat__basic-transcript";
    private const string UserBubble = ".webchat__bubble--from-user";
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";
    private const string SuggestedActionButton = ".webchat__suggested-actions button";

    private BrowserPage _browser = null!;
    private IReadOnlyDictionary<string, string> _english = null!;

    private IPage Page => _browser.Page;

    public async ValueTask InitializeAsync()
    {
        var catalog = server.Services.GetRequiredService<LanguageCatalog>();
        _english = (await catalog.GetUiStringsAsync("en", TestContext.Current.CancellationToken)).Strings;
        _browser = await BrowserPage.OpenAsync(chromium.Browser, server.BaseAddress);
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task Page_Loads_WithoutConsoleErrorsOrCspViolations()
    {
        await OpenChatAsync("/");

        // Let late work (token refresh, WebSocket, style insertion) surface its errors.
        await Page.WaitForTimeoutAsync(1_000);
        Assert.Empty(_browser.Errors);
    }

    [Fact]
    public async Task Page_ShowsNeverAskForPasswordNotice_FromLocaleCatalog()
    {
        await OpenChatAsync("/");

        var notice = Page.Locator("#notice-never-ask");
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToHaveTextAsync(_english["ui.notice.never-ask-password"]);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync(_english["ui.title"]);
    }

    [Fact]
    public async Task LanguagePicker_ListsEnglish_AndIsLabelled()
    {
        await OpenChatAsync("/");

        var picker = Page.GetByLabel(_english["ui.language.label"]);
        await Assertions.Expect(picker).ToBeEnabledAsync();
        await Assertions.Expect(picker).ToHaveValueAsync("en");
        var options = await picker.Locator("option").AllTextContentsAsync();
        Assert.Contains("English", options);
    }

    [Fact]
    public async Task LangQueryAr_SetsRightToLeftOnHtmlAndWebChat()
    {
        await OpenChatAsync("/?lang=ar");

        var html = Page.Locator("html");
        await Assertions.Expect(html).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(Page.Locator(Transcript)).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(Page.Locator("#language-picker")).ToHaveValueAsync("ar");
    }

    [Fact]
    public async Task SendHello_EchoIsMarkedSent_AndBotReplies()
    {
        await OpenChatAsync("/");

        await SendAsync("hello");

        var echo = Page.Locator(UserBubble).Filter(new() { HasText = "hello" });
        await Assertions.Expect(echo).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator(BotBubble).Filter(new() { HasText = ScriptedBot.Greeting })).ToBeVisibleAsync();

        // Web Chat marks an activity sent only once the server echoed it back with an id (docs/protocol.md §1b).
        await Assertions.Expect(Page.GetByText("Send failed", new() { Exact = false })).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByText("Sending", new() { Exact = false })).ToHaveCountAsync(0);
        Assert.Empty(_browser.Errors);
    }

    [Fact]
    public async Task SuggestedActions_RenderAsButtons_AndClickingOnePostsIt()
    {
        await OpenChatAsync("/");
        await SendAsync("hello");

        var buttons = Page.Locator(SuggestedActionButton);
        await Assertions.Expect(buttons).ToHaveCountAsync(2);
        await Assertions.Expect(buttons.Nth(0)).ToHaveTextAsync(ScriptedBot.LockedOut);

        await buttons.Nth(0).ClickAsync();

        await Assertions.Expect(Page.Locator(UserBubble).Filter(new() { HasText = ScriptedBot.LockedOut })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(BotBubble).Filter(new() { HasText = ScriptedBot.Acknowledgement(ScriptedBot.LockedOut) })).ToBeVisibleAsync();
        await Assertions.Expect(buttons).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Reload_ResumesTheSameConversation()
    {
        await OpenChatAsync("/");
        await SendAsync("hello");
        await Assertions.Expect(Page.Locator(BotBubble).Filter(new() { HasText = ScriptedBot.Greeting })).ToBeVisibleAsync();
        var before = await SavedConversationIdAsync();

        await Page.ReloadAsync();
        await Assertions.Expect(Page.Locator(SendBox)).ToBeVisibleAsync();

        await Assertions.Expect(Page.Locator(BotBubble).Filter(new() { HasText = ScriptedBot.Greeting })).ToBeVisibleAsync();
        Assert.False(string.IsNullOrEmpty(before));
        Assert.Equal(before, await SavedConversationIdAsync());
    }

    [Fact]
    public async Task NarrowScreen_360px_FitsWithoutHorizontalScrolling()
    {
        await using var narrow = await BrowserPage.OpenAsync(chromium.Browser, server.BaseAddress, new ViewportSize { Width = 360, Height = 740 });
        await narrow.Page.GotoAsync("/");
        await Assertions.Expect(narrow.Page.Locator(SendBox)).ToBeVisibleAsync();

        await Assertions.Expect(narrow.Page.Locator("#notice-never-ask")).ToBeInViewportAsync();
        var scrollWidth = await narrow.Page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"The page is {scrollWidth}px wide at a 360px viewport.");
        Assert.Empty(narrow.Errors);
    }

    [Fact]
    public async Task Keyboard_FirstTabStop_IsTheLanguagePicker()
    {
        await OpenChatAsync("/");

        await Page.Keyboard.PressAsync("Tab");

        Assert.Equal("language-picker", await Page.EvaluateAsync<string>("document.activeElement.id"));
    }

    // Web Chat shows its send box before Direct Line is online and ignores Enter until then, so wait until the
    // page has recorded the started conversation.
    private async Task OpenChatAsync(string path)
    {
        await Page.GotoAsync(path);
        await Assertions.Expect(Page.Locator(SendBox)).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#language-picker")).ToBeEnabledAsync();
        await Page.WaitForFunctionAsync("() => (JSON.parse(sessionStorage.getItem('supportbot.directline')) || {}).conversationId");
    }

    private async Task SendAsync(string text)
    {
        var sendBox = Page.Locator(SendBox);
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
    }

    private Task<string?> SavedConversationIdAsync() =>
        Page.EvaluateAsync<string?>("(JSON.parse(sessionStorage.getItem('supportbot.directline')) || {}).conversationId || null");
}
