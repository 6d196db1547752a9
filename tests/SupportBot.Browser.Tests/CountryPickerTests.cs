using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace SupportBot.Browser.Tests;

/// <summary>The page's country picker: defaults to the browser locale's region and tells the bot on every message.</summary>
[Collection(WebPageCollection.Name)]
public sealed class CountryPickerTests(ScriptedBotServer server, ChromiumBrowser chromium)
{
    private const string SendBox = "[data-id='webchat-sendbox-input']";

    [Fact]
    public async Task TheBrowsersRegionIsTheDefault_AndAPickedCountryTravelsAsChannelData()
    {
        await using var browser = await BrowserPage.OpenAsync(chromium.Browser, server.BaseAddress, locale: "en-NG");
        var page = browser.Page;
        await page.GotoAsync("/");
        var picker = page.Locator("#country-picker");
        await Assertions.Expect(picker).ToBeEnabledAsync();
        await Assertions.Expect(picker).ToHaveValueAsync("NG");
        await Assertions.Expect(page.GetByLabel("Country")).ToBeVisibleAsync();
        await Assertions.Expect(picker.Locator("option[value='NG']")).ToHaveTextAsync("Nigeria");
        await page.WaitForFunctionAsync("() => (JSON.parse(sessionStorage.getItem('supportbot.directline')) || {}).conversationId");

        Assert.Equal("NG", await SendAndReadCountryAsync(page, "hello"));

        await picker.SelectOptionAsync("KE");
        Assert.Equal("KE", await SendAndReadCountryAsync(page, "still there?"));
        Assert.Empty(browser.Errors);
    }

    private static async Task<string?> SendAndReadCountryAsync(IPage page, string text)
    {
        var posted = page.WaitForRequestAsync(request =>
            request.Method == "POST" && request.Url.Contains("/activities", StringComparison.Ordinal) && request.PostData?.Contains(text, StringComparison.Ordinal) == true);
        var sendBox = page.Locator(SendBox);
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
        using var body = JsonDocument.Parse((await posted).PostData!);
        return body.RootElement.TryGetProperty("channelData", out var data) && data.TryGetProperty("country", out var country) ? country.GetString() : null;
    }
}
