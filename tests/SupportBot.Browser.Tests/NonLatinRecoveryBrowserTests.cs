using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportBot.Bot.Localization;
using SupportBot.Dialogs.LanguageDetection;
using SupportBot.Dialogs.Understanding;
using Xunit;

namespace SupportBot.Browser.Tests;

/// <summary>
/// The recovery path in Chromium in Arabic (right to left) and in Hindi (Devanagari): the page and Web Chat take the
/// language's direction, the bot's texts come from that language's catalog, the user writes a held-out utterance in
/// that language, and user data (the case number) is shown inside bidi isolates in right-to-left text.
/// </summary>
public sealed partial class NonLatinRecoveryBrowserTests(RecoveryBotServer server, ChromiumBrowser chromium) : IClassFixture<RecoveryBotServer>
{
    private const string SendBox = "[data-id='webchat-sendbox-input']";
    private const string Transcript = ".webchat__basic-transcript";
    private const string UserBubble = ".webchat__bubble--from-user";
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";
    private const string SuggestedActionButton = ".webchat__suggested-actions button";

    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("hi", "ltr")]
    public async Task RecoveryPath_InANonLatinScript_HackedToQueued(string language, string direction)
    {
        await using var browser = await BrowserPage.OpenAsync(chromium.Browser, server.BaseAddress, locale: language);
        var page = browser.Page;
        var text = server.Services.GetRequiredService<ITextRenderer>();
        string Say(string key) => Plain(text.Render(language, key));

        await page.GotoAsync($"/?lang={language}");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", direction);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Assertions.Expect(page.Locator(Transcript)).ToHaveAttributeAsync("dir", direction);
        await Assertions.Expect(page.Locator(SendBox)).ToBeVisibleAsync();

        // The welcome and the menu are in the page's language.
        await ExpectBotSaysAsync(page, Say("triage.prompt"));

        await SendAsync(page, HeldOutUtterance(language, Intent.AccountHacked));
        await ExpectBotSaysAsync(page, FirstLine(Say("help.account_hacked")));

        // Bubbles are laid out in the language's direction: the user's on the start side… of an RTL page, the left.
        var user = await page.Locator(UserBubble).Last.BoundingBoxAsync();
        var bot = await page.Locator(BotBubble).Last.BoundingBoxAsync();
        Assert.NotNull(user);
        Assert.NotNull(bot);
        Assert.True(direction == "rtl" ? user.X < bot.X : user.X > bot.X, $"{language}: user bubble at x={user.X}, bot bubble at x={bot.X}");

        await page.Locator(SuggestedActionButton).Filter(new() { HasText = Say("action.human") }).ClickAsync();
        await ExpectBotSaysAsync(page, FirstLine(Say("verify.identify.prompt")));

        await SendAsync(page, "maria@example.com");
        using var outbox = server.CreateClient();
        var codesBefore = await DevOutboxCodes.CountAsync(outbox, "maria@example.com");
        await page.Locator(SuggestedActionButton).Filter(new() { HasText = Say("action.method-email") }).ClickAsync();
        var code = await DevOutboxCodes.WaitForNextAsync(outbox, "maria@example.com", codesBefore);

        // The code box speaks the language and takes its direction; the code itself goes through it, not the chat.
        var card = page.Locator(CodeBoxInWebChat.Card).Last;
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(card).ToContainTextAsync(Say("code-entry.card.sent.title"));
        await Assertions.Expect(card.Locator("button.ac-pushButton").First).ToContainTextAsync(Say("code-entry.card.submit"));
        await Assertions.Expect(card).ToHaveAttributeAsync("dir", direction);
        await CodeBoxInWebChat.SubmitAsync(page, code);

        var queued = page.Locator(BotBubble).Filter(new() { HasTextRegex = CaseNumber() }).Last;
        await Assertions.Expect(queued).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var queuedText = await queued.TextContentAsync() ?? string.Empty;
        Assert.Contains(FirstWords(Say("queue.queued")), queuedText, StringComparison.Ordinal);
        if (direction == "rtl")
        {
            // The case number is user data inside Arabic text: isolated, so it reads SB-XXXX-XXXX, not reordered.
            Assert.Matches(IsolatedCaseNumber(), queuedText);
        }

        Assert.Empty(browser.Errors);
        await browser.ScreenshotAsync($"{language}-path-queued");
    }

    /// <summary>A held-out line of the intent that the server's own models recognise, and detect as the language.</summary>
    private string HeldOutUtterance(string language, Intent intent)
    {
        var recognizer = server.Services.GetRequiredService<IIntentRecognizer>();
        var detector = server.Services.GetRequiredService<LanguageDetector>();
        var path = Path.Combine(RepositoryRoot(), "tests", "nlu", language + ".heldout.jsonl");
        foreach (var line in File.ReadLines(path).Where(line => !string.IsNullOrWhiteSpace(line)))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var utterance = root.GetProperty("text").GetString()!;
            if (root.GetProperty("intent").GetString() == intent.ToLabel()
                && !(root.TryGetProperty("romanized", out var romanized) && romanized.GetBoolean())
                && recognizer.Recognize(utterance, language) is { Confidence: >= 0.6 } prediction && prediction.Intent == intent
                && detector.Detect(utterance) is { IsSure: true } detected && detected.Language == language)
            {
                return utterance;
            }
        }

        throw new InvalidOperationException($"No held-out {intent.ToLabel()} line in {path} is recognised confidently.");
    }

    private static async Task ExpectBotSaysAsync(IPage page, string text) =>
        await Assertions.Expect(page.Locator(BotBubble).Filter(new() { HasText = text }).Last).ToBeVisibleAsync(new() { Timeout = 15_000 });

    private static async Task SendAsync(IPage page, string message)
    {
        var sendBox = page.Locator(SendBox);
        await sendBox.FillAsync(message);
        await sendBox.PressAsync("Enter");
    }

    /// <summary>Text as Web Chat shows it: markdown emphasis gone.</summary>
    private static string Plain(string markdown) => markdown.Replace("**", string.Empty, StringComparison.Ordinal);

    private static string FirstLine(string value) => value.Split('\n')[0].Trim();

    /// <summary>The words before the first argument, enough to tell the message apart.</summary>
    private static string FirstWords(string value)
    {
        var cut = value.IndexOfAny(['\u2068', '{']);
        var start = cut < 0 ? value : value[..cut];
        return start.Length > 24 ? start[..24] : start.TrimEnd();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SupportBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SupportBot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex CaseNumber();

    [GeneratedRegex("\u2068[^\u2069]*SB-[0-9A-Z]{4}-[0-9A-Z]{4}[^\u2068]*\u2069")]
    private static partial Regex IsolatedCaseNumber();
}
