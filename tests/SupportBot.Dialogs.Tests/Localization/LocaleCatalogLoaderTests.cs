using SupportBot.Dialogs.Localization;
using Xunit;

namespace SupportBot.Dialogs.Tests.Localization;

public sealed class LocaleCatalogLoaderTests
{
    [Fact]
    public void Load_DuplicateKeyWithinOneFile_ReportsItWithItsLine()
    {
        var result = LocaleCatalogLoader.Load(TestLocales.Source(("en/chat.json", "{\n  \"a\": \"1\",\n  \"a\": \"2\"\n}")));

        var finding = Assert.Single(result.Findings, f => f.Kind == LocaleFindingKind.DuplicateKey);
        Assert.Equal(("en/chat.json", "a", LocaleFindingSeverity.Error), (finding.File, finding.Key, finding.Severity));
        Assert.Contains("line 3", finding.Message, StringComparison.Ordinal);
        Assert.Equal("1", result.Catalogs.GetCatalog("en")!.Entries["a"].Message);
    }

    [Fact]
    public void Load_FilesOfALanguage_AreMerged()
    {
        var result = LocaleCatalogLoader.Load(TestLocales.Source(
            ("en/chat.json", """{ "chat.hello": "Hello" }"""),
            ("en/ui.json", """{ "ui.button.send": "Send" }""")));

        Assert.False(result.HasErrors);
        Assert.Equal(["chat.hello", "ui.button.send"], result.Catalogs.GetCatalog("en")!.Entries.Keys.Order());
        Assert.Equal("en/ui.json", result.Catalogs.GetCatalog("en")!.Entries["ui.button.send"].File);
    }

    [Theory]
    [InlineData("intents.json")]
    [InlineData("intents.train.json")]
    [InlineData("Intents-extra.json")]
    public void Load_IntentsFiles_AreSkippedAsRecognizerData(string fileName)
    {
        var result = LocaleCatalogLoader.Load(TestLocales.Source(
            ("en/chat.json", """{ "chat.hello": "Hello" }"""),
            ($"en/{fileName}", """{ "greeting": ["hi", "hello"], "chat.hello": { "nested": true } }""")));

        Assert.Empty(result.Findings);
        Assert.Single(result.Catalogs.GetCatalog("en")!.Entries);
    }

    [Theory]
    [InlineData("Chat.Hello")]
    [InlineData("chat..hello")]
    [InlineData("chat.")]
    [InlineData(".chat")]
    [InlineData("chat hello")]
    [InlineData("chat/hello")]
    [InlineData("çhat")]
    public void Load_KeyNotMatchingThePattern_IsAnError(string key)
    {
        var result = LocaleCatalogLoader.Load(TestLocales.Source(("en/chat.json", $$"""{ "{{key}}": "x" }""")));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((LocaleFindingKind.InvalidKey, key), (finding.Kind, finding.Key));
    }

    [Theory]
    [InlineData("verify.otp.sent")]
    [InlineData("legal.fr.complaint-rights")]
    [InlineData("ui_button_2")]
    [InlineData("a")]
    public void IsValid_WellFormedKey_IsAccepted(string key)
    {
        Assert.True(MessageKeys.IsValid(key));
    }

    [Theory]
    [InlineData("{ \"a\": \"1\", }", "invalid JSON at line 1")]
    [InlineData("{ \"a\": \"1\" } {", "invalid JSON")]
    [InlineData("[ \"a\" ]", "one JSON object")]
    [InlineData("", "one JSON object")]
    [InlineData("{ // comment\n \"a\": \"1\" }", "invalid JSON")]
    public void Load_MalformedJson_IsAnError(string json, string message)
    {
        var result = LocaleCatalogLoader.Load(TestLocales.Source(("en/chat.json", json)));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(LocaleFindingKind.InvalidJson, finding.Kind);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NonStringValue_IsAnErrorAndTheRestStillLoads()
    {
        var result = LocaleCatalogLoader.Load(TestLocales.Source(("en/chat.json", """{ "a": { "b": "c" }, "n": 1, "d": "D" }""")));

        Assert.Equal(2, result.Findings.Count(f => f.Kind == LocaleFindingKind.InvalidValue));
        Assert.Equal(["d"], result.Catalogs.GetCatalog("en")!.Entries.Keys);
    }

    [Fact]
    public void Load_NotUtf8_IsAnError()
    {
        var source = TestLocales.Source().Add("en/chat.json", [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'"', (byte)'x', (byte)'"', (byte)'}']);

        var finding = Assert.Single(LocaleCatalogLoader.Load(source).Findings);

        Assert.Contains("UTF-8", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Utf8ByteOrderMark_IsAccepted()
    {
        var source = TestLocales.Source().Add("en/chat.json", [0xEF, 0xBB, 0xBF, .. "{ \"a\": \"A\" }"u8.ToArray()]);

        Assert.Empty(LocaleCatalogLoader.Load(source).Findings);
    }

    [Fact]
    public void Load_LanguagesFile_ReadsDirectionAndFallbackAndIgnoresOtherFields()
    {
        var catalogs = LocaleCatalogLoader.Load(TestLocales.Source(("en/a.json", "{}"))).Catalogs;

        var arabic = catalogs.GetLanguage("ar")!;
        Assert.Equal(("Arabic", "العربية", TextDirection.RightToLeft), (arabic.Name, arabic.NativeName, arabic.Direction));
        Assert.Equal(["fr", "en"], catalogs.GetLanguage("fr-CA")!.Fallback);
    }

    [Fact]
    public void Load_MalformedLanguagesEntry_IsAnError()
    {
        var source = TestLocales.Source(("en/a.json", "{}"))
            .Add("_meta/languages.json", """{ "en": { "dir": "up" }, "fr": { "fallback": "en" }, "Not A Tag": {} }""");

        var findings = LocaleCatalogLoader.Load(source).Findings;

        Assert.Equal(3, findings.Count(f => f.Kind == LocaleFindingKind.InvalidLanguage));
    }

    [Fact]
    public void Load_WithoutCldrData_IsAnError()
    {
        var source = new InMemoryLocaleSource().Add("en/chat.json", """{ "a": "A" }""");

        var result = LocaleCatalogLoader.Load(source);

        Assert.True(result.HasErrors);
        Assert.Contains(result.Findings, f => f.File == "_meta/cldr/plurals.json" && f.Severity == LocaleFindingSeverity.Error);
    }
}
