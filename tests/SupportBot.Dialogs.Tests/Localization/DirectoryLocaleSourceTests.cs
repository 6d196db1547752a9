using SupportBot.Dialogs.Localization;
using Xunit;

namespace SupportBot.Dialogs.Tests.Localization;

public sealed class DirectoryLocaleSourceTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "supportbot-locales-" + Guid.NewGuid().ToString("N"));

    public DirectoryLocaleSourceTests()
    {
        Write("en/chat.json", """{ "chat.greeting": "Hello {name}!" }""");
        Write("en/ui.json", """{ "ui.send": "Send" }""");
        Write("en/intents.json", """{ "greeting": ["hi"] }""");
        Write("en/notes.txt", "not a catalog");
        Write("fr-CA/chat.json", """{ "chat.greeting": "Allô {name}!" }""");
        Write("countries/FR.json", """{ "iso": "FR" }""");
        Write("_context/en.json", "{}");
        Write("_meta/languages.json", TestLocales.LanguagesJson);
        foreach (var name in new[] { "plurals.json", "ordinals.json", "parentLocales.json" })
        {
            Write($"_meta/cldr/{name}", File.ReadAllText(Path.Combine(RepositoryPaths.Cldr, name)));
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Languages_ListsOnlyFoldersNamedLikeLanguageTags()
    {
        Assert.Equal(["en", "fr-CA"], new DirectoryLocaleSource(_root).Languages);
    }

    [Fact]
    public void ReadCatalogFiles_ReturnsJsonFilesSortedWithRelativePaths()
    {
        var files = new DirectoryLocaleSource(_root).ReadCatalogFiles("en");

        Assert.Equal(["en/chat.json", "en/intents.json", "en/ui.json"], files.Select(f => f.Path));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("../etc")]
    public void ReadCatalogFiles_NoSuchLanguage_ReturnsNothing(string language)
    {
        Assert.Empty(new DirectoryLocaleSource(_root).ReadCatalogFiles(language));
    }

    [Fact]
    public void ReadMetaFile_ExistingAndMissing_ReturnsFileOrNull()
    {
        var source = new DirectoryLocaleSource(_root);

        Assert.Equal("_meta/cldr/plurals.json", source.ReadMetaFile("cldr/plurals.json")!.Path);
        Assert.Null(source.ReadMetaFile("plural-rules.json"));
    }

    [Theory]
    [InlineData("../en/chat.json")]
    [InlineData("/etc/passwd")]
    [InlineData("cldr//plurals.json")]
    public void ReadMetaFile_PathOutsideMeta_Throws(string path)
    {
        Assert.Throws<ArgumentException>(() => new DirectoryLocaleSource(_root).ReadMetaFile(path));
    }

    [Fact]
    public void Constructor_MissingFolder_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => new DirectoryLocaleSource(Path.Combine(_root, "nope")));
    }

    [Fact]
    public void Factory_OverADirectory_LoadsCatalogsAndSkipsIntents()
    {
        var factory = new JsonStringLocalizerFactory(new DirectoryLocaleSource(_root));

        Assert.Equal("Allô Ana!", factory.ForLanguage("fr-CA")["chat.greeting", new { name = "Ana" }].Value);
        Assert.Equal("Send", factory.ForLanguage("fr-CA")["ui.send"].Value);
        Assert.True(factory.ForLanguage("en")["greeting"].ResourceNotFound);
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
