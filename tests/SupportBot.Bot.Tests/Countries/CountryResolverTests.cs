using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Countries;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Dialogs.Countries;
using Xunit;

namespace SupportBot.Bot.Tests.Countries;

public sealed class CountryResolverTests : IDisposable
{
    private readonly BotApplication _app = new();

    public void Dispose() => _app.Dispose();

    private CountryResolver Resolver => _app.Services.GetRequiredService<CountryResolver>();

    [Theory]
    [InlineData("""{ "country": "ng" }""", "fr-CA", "GB", "NG")]   // channelData wins
    [InlineData("""{ "country": "ZZ" }""", "fr-CA", "GB", "CA")]   // an unknown country is ignored: the locale's region
    [InlineData(null, "zh-Hant-TW", "GB", "GB")]                    // no profile for TW: the conversation's country
    [InlineData(null, "es-419", null, "US")]                        // no region, new conversation: the default
    [InlineData(null, "en_ng", null, "NG")]
    public void ResolvesInOrder_ChannelData_LocaleRegion_Current_Default(string? channelData, string locale, string? current, string expected)
    {
        var activity = new Activity
        {
            Locale = locale,
            ChannelData = channelData is null ? null : JsonDocument.Parse(channelData).RootElement.Clone(),
        };
        Assert.Equal(expected, Resolver.Resolve(activity, current));
    }

    [Fact]
    public void ADefaultCountryWithoutAProfileStopsStartUp()
    {
        var profiles = _app.Services.GetRequiredService<ICountryProfiles>();
        var error = Assert.Throws<OptionsValidationException>(() => new CountryResolver(profiles, Options.Create(new CountryOptions { Default = "XX" })));
        Assert.Contains("Countries:Default 'XX' has no profile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePagesCountryList_HasTheLabelInTheUsersLanguage_AndEveryProfile()
    {
        var list = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/countries?locale=fr", TestContext.Current.CancellationToken);
        Assert.Equal("Pays", list.GetProperty("label").GetString());
        Assert.Equal("US", list.GetProperty("default").GetString());
        var countries = list.GetProperty("countries").EnumerateArray().ToDictionary(c => c.GetProperty("iso").GetString()!);
        Assert.Equal(39, countries.Count);
        Assert.True(countries["NG"].GetProperty("liveChat").GetBoolean());
        Assert.False(countries["SN"].GetProperty("liveChat").GetBoolean());
    }
}
