using SupportBot.Dialogs.Localization;
using Xunit;

namespace SupportBot.Dialogs.Tests.Localization;

/// <summary>The data committed in <c>locales/</c> loads and passes the CI checks.</summary>
public sealed class ShippedLocalesTests
{
    private static readonly string[] LaunchLanguages = ["en", "fr", "es", "pt", "de", "it", "ar", "hi", "ur", "bn", "fil", "id", "tr", "sw", "ha"];

    [Fact]
    public void Validate_ShippedLocales_HasNoErrors()
    {
        var findings = new LocaleCatalogValidator().Validate(new DirectoryLocaleSource(RepositoryPaths.Locales));

        Assert.DoesNotContain(findings, f => f.Severity == LocaleFindingSeverity.Error);
    }

    [Fact]
    public void LanguagesJson_ListsEveryLaunchLanguageWithNamesDirectionAndFallback()
    {
        var catalogs = LocaleCatalogLoader.Load(new DirectoryLocaleSource(RepositoryPaths.Locales)).Catalogs;

        Assert.All(LaunchLanguages, code =>
        {
            var language = catalogs.GetLanguage(code);
            Assert.NotNull(language);
            Assert.False(string.IsNullOrWhiteSpace(language.NativeName));
            Assert.Equal(code is "ar" or "ur", language.IsRightToLeft);
            Assert.Equal(code == "en" ? [] : ["en"], language.Fallback);
        });
    }

    [Fact]
    public void MissingTextKey_ExistsInEveryLaunchLanguage()
    {
        var factory = new JsonStringLocalizerFactory(new DirectoryLocaleSource(RepositoryPaths.Locales));

        Assert.All(LaunchLanguages, code =>
        {
            var text = factory.ForLanguage(code)[LocalizationConstants.MissingTextKey];
            Assert.Equal(code, text.SearchedLocation);
            Assert.False(text.ResourceNotFound);
        });
    }

    [Fact]
    public void CldrFolder_CarriesTheUnicodeLicense()
    {
        var license = File.ReadAllText(Path.Combine(RepositoryPaths.Cldr, "LICENSE"));

        Assert.Contains("UNICODE LICENSE", license, StringComparison.Ordinal);
    }
}
