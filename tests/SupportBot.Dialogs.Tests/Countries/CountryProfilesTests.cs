using SupportBot.Dialogs.Countries;
using SupportBot.Dialogs.Localization;
using SupportBot.Dialogs.Understanding;
using Xunit;

namespace SupportBot.Dialogs.Tests.Countries;

public sealed class CountryProfilesTests
{
    private static readonly Lazy<CountryProfiles> Shipped = new(() => CountryProfiles.Load(Path.Combine(RepositoryRoot.Path, "locales")));

    [Fact]
    public void TheShippedProfilesLoad_NineLiveAndThirtyMore()
    {
        var profiles = Shipped.Value.All;
        Assert.Equal(["AU", "BD", "CA", "GB", "NG", "NZ", "PH", "PK", "US"], profiles.Where(p => p.Status == CountryStatus.Live).Select(p => p.Iso));
        Assert.True(profiles.Count(p => p.Status != CountryStatus.Live) >= 30);
        foreach (var profile in profiles)
        {
            Assert.True(profile.Phone.IsMobile(profile.Phone.ExampleMobile), profile.Iso);
            Assert.Contains(profile.Support.Holidays, h => h.Date.Year == 2027);
        }
    }

    [Fact]
    public void SaudiArabiaPinsTheGregorianCalendar() =>
        Assert.Equal("gregorian", Shipped.Value.Find("sa")!.Formatting.Calendar);

    [Fact]
    public void Lagos_OpensWeekdaysAtEightLocalTime_AndNotOnChristmas()
    {
        var schedule = Shipped.Value.Find("NG")!.Support;
        var mondayThreeAm = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero); // 03:00 in Lagos (UTC+1)
        Assert.False(schedule.IsOpen(mondayThreeAm));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(1)), schedule.NextOpening(mondayThreeAm));
        Assert.True(schedule.IsOpen(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));

        // Christmas and Boxing Day 2026 fall on Friday and Saturday: closed until Monday the 28th.
        var christmasMorning = new DateTimeOffset(2026, 12, 25, 9, 0, 0, TimeSpan.Zero);
        Assert.False(schedule.IsOpen(christmasMorning));
        Assert.Equal(new DateTimeOffset(2026, 12, 28, 8, 0, 0, TimeSpan.FromHours(1)), schedule.NextOpening(christmasMorning));
    }

    [Fact]
    public void NextOpeningFollowsDaylightSavingTime()
    {
        // London: Saturday 31 October 2026 at 15:00 BST is closed; Monday 2 November opens at 08:00 GMT.
        var schedule = Shipped.Value.Find("GB")!.Support;
        Assert.Equal(
            new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero),
            schedule.NextOpening(new DateTimeOffset(2026, 10, 31, 14, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("NG", "0803 123 4567", "+2348031234567")]
    [InlineData("GB", "07700 900123", "+447700900123")]
    [InlineData("IN", "98765 43210", "+919876543210")]
    [InlineData("IT", "312 345 6789", "+393123456789")]
    [InlineData("US", "(202) 555-0123", "+12025550123")]
    public void NationalNumbersBecomeE164ByTheProfilesPlan(string country, string typed, string expected)
    {
        var entities = EntityExtractor.Extract($"my number is {typed}", Shipped.Value.Find(country)!.Phone);
        Assert.Equal([expected], entities.PhoneNumbers);
    }

    [Fact]
    public void ANumberThePlanDoesNotKnowStaysDigits() =>
        Assert.Equal(["08031234567"], EntityExtractor.Extract("call 0803 123 4567", Shipped.Value.Find("US")!.Phone).PhoneNumbers);

    [Fact]
    public void ABadProfileIsRefusedWithItsFileAndField()
    {
        using var folder = new TempCountries();
        folder.Write("NG.json", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "locales", "countries", "NG.json"))
            .Replace("\"Africa/Lagos\"", "\"Africa/Atlantis\"", StringComparison.Ordinal)
            .Replace("\"+2348031234567\"", "\"+2346031234567\"", StringComparison.Ordinal));
        folder.Write("GB.json", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "locales", "countries", "GB.json"))
            .Replace("\"status\": \"live\"", "\"status\": \"beta\"", StringComparison.Ordinal));

        var error = Assert.Throws<CountryProfileException>(() => CountryProfiles.Load(folder.LocalesRoot));
        Assert.Contains("countries/NG.json support.timeZone", error.Message, StringComparison.Ordinal);
        Assert.Contains("countries/NG.json phone.exampleMobile", error.Message, StringComparison.Ordinal);
        Assert.Contains("countries/GB.json status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFileNameMustBeTheIsoCode()
    {
        using var folder = new TempCountries();
        folder.Write("NE.json", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "locales", "countries", "NG.json")));
        var (_, findings) = CountryProfileLoader.Load(Path.Combine(folder.LocalesRoot, "countries"));
        Assert.Contains(findings, f => f is { File: "countries/NE.json", Key: "iso", Severity: LocaleFindingSeverity.Error });
    }

    /// <summary>A locales folder with the real schema and only the profiles a test writes.</summary>
    private sealed class TempCountries : IDisposable
    {
        private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("countries-");

        public TempCountries()
        {
            var schema = Path.Combine(LocalesRoot, "countries", "_schema");
            Directory.CreateDirectory(schema);
            File.Copy(Path.Combine(RepositoryRoot.Path, "locales", "countries", "_schema", "country.schema.json"), Path.Combine(schema, "country.schema.json"));
        }

        public string LocalesRoot => _root.FullName;

        public void Write(string name, string json) => File.WriteAllText(Path.Combine(LocalesRoot, "countries", name), json);

        public void Dispose() => _root.Delete(recursive: true);
    }
}
