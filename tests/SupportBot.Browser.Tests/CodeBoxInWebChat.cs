using Microsoft.Playwright;

namespace SupportBot.Browser.Tests;

/// <summary>
/// The code box (security.md A3) as a person uses it in Web Chat: the newest Adaptive Card's input, filled, and its
/// submit button clicked. Shared by the browser tests that walk to verification.
/// </summary>
internal static class CodeBoxInWebChat
{
    public const string Card = ".webchat__basic-transcript .ac-adaptiveCard";

    /// <summary>The newest code box's input.</summary>
    public static ILocator Input(IPage page) => page.Locator(Card).Last.Locator("input.ac-textInput");

    /// <summary>Types <paramref name="code"/> into the newest code box and presses its button.</summary>
    public static async Task SubmitAsync(IPage page, string code)
    {
        var card = page.Locator(Card).Last;
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var input = card.Locator("input.ac-textInput");
        await input.FillAsync(code);
        await card.Locator("button.ac-pushButton").First.ClickAsync();
    }
}
