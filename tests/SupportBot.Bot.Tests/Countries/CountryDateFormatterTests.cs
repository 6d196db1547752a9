using System.Globalization;
using SupportBot.Bot.Countries;
using SupportBot.Dialogs.Countries;
using Xunit;

namespace SupportBot.Bot.Tests.Countries;

public sealed class CountryDateFormatterTests
{
    private static readonly CountryProfiles Profiles = CountryProfiles.Load(Path.Combine(FindRepository(), "locales"));
    private static readonly DateTimeOffset Moment = new(2026, 3, 5, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SaudiArabia_ShowsGregorianDates_NotTheUmAlQuraDefaultOfArSa()
    {
        Assert.IsType<UmAlQuraCalendar>(CultureInfo.GetCultureInfo("ar-SA").DateTimeFormat.Calendar);

        var culture = CountryDateFormatter.CultureFor(Profiles.Find("SA")!, "ar");
        Assert.IsType<GregorianCalendar>(culture.DateTimeFormat.Calendar);
        var text = CountryDateFormatter.Format(Moment, Profiles.Find("SA")!, "ar");
        Assert.Contains("2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1447", text, StringComparison.Ordinal);
        Assert.EndsWith("(UTC+03:00)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CA", "fr", "fr-CA")]   // the user's language in the country's region
    [InlineData("NG", "en", "en-NG")]   // the profile's culture
    [InlineData("NG", "ha", "ha-NG")]
    [InlineData("BE", "de", "de-BE")]
    public void TheCultureIsTheUsersLanguageInTheCountry(string country, string language, string expected) =>
        Assert.Equal(expected, CountryDateFormatter.CultureFor(Profiles.Find(country)!, language).Name);

    [Fact]
    public void TheTimeIsTheCountrysLocalTime() =>
        Assert.Equal("Thursday, 5 March 2026 07:00 (UTC+01:00)", CountryDateFormatter.Format(Moment, Profiles.Find("NG")!, "en"));

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SupportBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SupportBot.sln not found");
    }
}
