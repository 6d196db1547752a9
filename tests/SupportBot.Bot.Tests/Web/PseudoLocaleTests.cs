using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Web;

/// <summary>qps-ploc and qps-plocm, generated in memory at start-up, in the page's picker and in the bot's replies.</summary>
public sealed class PseudoLocaleTests
{
    [Fact]
    public async Task OutsideProduction_ThePickerOffersBothPseudoLocales_AndThePageAndTheBotSpeakThem()
    {
        using var app = new BotApplication();
        var http = app.CreateClient();
        var token = TestContext.Current.CancellationToken;

        var languages = await http.GetFromJsonAsync<JsonElement>("/api/languages", token);
        var codes = languages.EnumerateArray().ToDictionary(l => l.GetProperty("code").GetString()!, l => l.GetProperty("dir").GetString());
        Assert.Equal("ltr", codes["qps-ploc"]);
        Assert.Equal("rtl", codes["qps-plocm"]);

        var ui = await http.GetFromJsonAsync<Dictionary<string, string>>("/api/ui-strings?locale=qps-ploc", token);
        Assert.Matches(@"^\[.*[àéîöû].*·+\]$", ui!["ui.title"]);

        var user = new ExpectRepliesClient(http, "pseudo", locale: "qps-ploc");
        await user.StartAsync();
        Assert.StartsWith("[", user.LastReplies[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bthe\b", user.LastText);
    }

    [Fact]
    public async Task InProduction_ThePseudoLocalesAreAbsentUnlessEnabled()
    {
        using var production = new BotApplication("Production");
        var plain = await production.CreateClient().GetFromJsonAsync<JsonElement>("/api/languages", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(plain.EnumerateArray(), l => l.GetProperty("code").GetString()!.StartsWith("qps", StringComparison.Ordinal));

        using var enabled = new BotApplication("Production", new() { ["Locales:PseudoLocales"] = "true" });
        var offered = await enabled.CreateClient().GetFromJsonAsync<JsonElement>("/api/languages", TestContext.Current.CancellationToken);
        Assert.Contains(offered.EnumerateArray(), l => l.GetProperty("code").GetString() == "qps-plocm");
    }
}
