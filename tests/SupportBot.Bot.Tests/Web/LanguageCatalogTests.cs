using Microsoft.Extensions.Options;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Web;
using Xunit;

namespace SupportBot.Bot.Tests.Web;

public sealed class LanguageCatalogTests : IDisposable
{
    private readonly TempLocales _locales = new();

    public void Dispose() => _locales.Dispose();

    private LanguageCatalog Catalog() => new(new LocaleFolder(_locales.Root));

    [Theory]
    [InlineData("en", "en")]
    [InlineData("AR-eg", "ar-EG")]
    [InlineData("fil", "fil")]
    [InlineData("zh-hant-tw", "zh-Hant-TW")]
    [InlineData("es-419", "es-419")]
    public void NormalizeTag_WellFormed_ReturnsCanonicalCase(string tag, string expected) =>
        Assert.Equal(expected, LanguageCatalog.NormalizeTag(tag));

    [Theory]
    [InlineData("")]
    [InlineData("e")]
    [InlineData("../en")]
    [InlineData("en/../../etc")]
    [InlineData("en_US")]
    [InlineData("en-")]
    [InlineData(null)]
    public void NormalizeTag_Malformed_ReturnsNull(string? tag) =>
        Assert.Null(LanguageCatalog.NormalizeTag(tag));

    [Fact]
    public void GetAvailable_ListsOnlyLanguagesWithUiCatalog()
    {
        _locales.Write("ar/ui.json", new Dictionary<string, string> { ["ui.title"] = "دعم" });

        var available = Catalog().GetAvailable();

        Assert.Equal(["en", "ar"], available.Select(language => language.Code));
        Assert.Equal(new LanguageInfo("ar", "Arabic", "العربية", "rtl"), available[1]);
    }

    [Theory]
    [InlineData("ar", "ar")]
    [InlineData("ar-EG", "ar")]
    [InlineData("FR-ca", "fr")]
    public void Find_KnownLanguageOrRegion_ReturnsItsLanguage(string tag, string expected) =>
        Assert.Equal(expected, Catalog().Find(tag)?.Code);

    [Theory]
    [InlineData("xx")]
    [InlineData("../en")]
    public void Find_UnknownOrMalformed_ReturnsNull(string tag) =>
        Assert.Null(Catalog().Find(tag));

    [Fact]
    public async Task GetUiStringsAsync_LanguageWithoutCatalog_FallsBackToEnglish()
    {
        var ui = await Catalog().GetUiStringsAsync("ar", TestContext.Current.CancellationToken);

        Assert.Equal("en", ui.Language);
        Assert.Equal("SupportBot", ui.Strings["ui.title"]);
    }

    [Fact]
    public async Task GetUiStringsAsync_RegionOverlay_OverridesKeyByKey()
    {
        _locales.Write("fr/ui.json", new Dictionary<string, string> { ["ui.title"] = "Assistance", ["ui.language.label"] = "Langue" });
        _locales.Write("fr-CA/ui.json", new Dictionary<string, string> { ["ui.title"] = "Soutien" });

        var ui = await Catalog().GetUiStringsAsync("fr-CA", TestContext.Current.CancellationToken);

        Assert.Equal("fr-CA", ui.Language);
        Assert.Equal("Soutien", ui.Strings["ui.title"]);
        Assert.Equal("Langue", ui.Strings["ui.language.label"]);
    }

    [Fact]
    public async Task GetUiStringsAsync_PartialTranslation_KeepsEnglishForMissingKeys()
    {
        _locales.Write("fr/ui.json", new Dictionary<string, string> { ["ui.title"] = "Assistance" });

        var ui = await Catalog().GetUiStringsAsync("fr", TestContext.Current.CancellationToken);

        Assert.Equal("Assistance", ui.Strings["ui.title"]);
        Assert.Equal("Language", ui.Strings["ui.language.label"]);
    }
}
