using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Countries;

/// <summary>The user's country (from the channel's locale here) decides hours, holidays, time zone, live chat and phone rules.</summary>
public sealed class CountryConversationTests : IDisposable
{
    private readonly BotApplication _app = new(settings: new() { ["Countries:IgnoreSupportHours"] = "false" });
    private readonly HttpClient _http;

    public CountryConversationTests() => _http = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ANigerianUserAtThreeInTheMorning_IsAfterHours_AndSeesTheNextOpeningInLagosTime()
    {
        // The clock starts on Sunday 22 November 2026 at 10:00 UTC; Monday 02:00 UTC is 03:00 in Lagos.
        _app.Clock.Advance(TimeSpan.FromHours(16));
        var user = new ExpectRepliesClient(_http, "country-ng-night", locale: "en-NG");

        var reply = await VerifyMariaAsync(user);

        Assert.Contains("offline right now", reply, StringComparison.Ordinal);
        Assert.Matches(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}", reply);
        Assert.Contains("Monday, 23 November 2026 08:00 (UTC+01:00)", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("in line", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameMomentInNewYork_IsStillClosed_ButOpensAtEightNewYorkTime()
    {
        _app.Clock.Advance(TimeSpan.FromHours(16)); // Sunday 21:00 in New York
        var user = new ExpectRepliesClient(_http, "country-us-night", locale: "en-US");

        var reply = await VerifyMariaAsync(user);

        // ICU puts a narrow no-break space before AM.
        Assert.Matches(@"Monday, November 23, 2026 8:00\sAM \(UTC-05:00\)", reply);
    }

    [Fact]
    public async Task DuringLagosOfficeHours_TheNigerianUserIsQueued()
    {
        _app.Clock.Advance(TimeSpan.FromHours(24)); // Monday 11:00 in Lagos
        var user = new ExpectRepliesClient(_http, "country-ng-day", locale: "en-NG");

        var reply = await VerifyMariaAsync(user);

        Assert.Contains("in line", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADraftCountry_NeverQueues_EvenDuringItsHours_AndSaysWhatItCanDoInstead()
    {
        _app.Clock.Advance(TimeSpan.FromHours(24)); // Monday 10:00 in Dakar
        var user = new ExpectRepliesClient(_http, "country-sn", locale: "en-SN");

        var reply = await VerifyMariaAsync(user);

        Assert.Contains("isn't available in your country yet", reply, StringComparison.Ordinal);
        Assert.Matches(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}", reply);
        Assert.DoesNotContain("in line", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("open again", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANationalNumberIsReadWithTheCountrysCallingCode()
    {
        // ade's phone on file is +234 802 555 0199; a Nigerian types it the national way.
        var user = new ExpectRepliesClient(_http, "country-ng-phone", locale: "en-NG");
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("0802 555 0199");
        await user.PressAsync("method:email");

        Assert.NotEmpty(await DevOutbox.WaitForCodeAsync(_http, "ade@example.com"));
    }

    private async Task<string> VerifyMariaAsync(ExpectRepliesClient user)
    {
        await user.StartAsync();
        await user.PressAsync("human");
        await user.SayAsync("maria@example.com");
        await user.PressAsync("method:email");
        await user.SubmitCodeAsync(await DevOutbox.WaitForCodeAsync(_http, "maria@example.com"));
        return user.LastText;
    }
}
