using SupportBot.Bot.Localization;
using Xunit;

namespace SupportBot.Bot.Tests.Web;

public sealed class LocalesPathResolverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("supportbot-resolver-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Folder(params string[] parts)
    {
        var path = Path.Combine([_root, .. parts]);
        Directory.CreateDirectory(path);
        return path;
    }

    [Fact]
    public void Resolve_ConfiguredRelativePath_IsTakenFromContentRoot()
    {
        var contentRoot = Folder("app");

        Assert.Equal(Path.Combine(contentRoot, "my-locales"), LocalesPathResolver.Resolve("my-locales", contentRoot, Folder("bin")));
    }

    [Fact]
    public void Resolve_ContentRootHasLocales_PrefersIt()
    {
        var contentRoot = Folder("app");
        var expected = Folder("app", "locales");
        Folder("bin", "locales");

        Assert.Equal(expected, LocalesPathResolver.Resolve(null, contentRoot, Path.Combine(_root, "bin")));
    }

    [Fact]
    public void Resolve_PublishedApp_FindsLocalesBesideTheBinary()
    {
        var expected = Folder("publish", "locales");

        Assert.Equal(expected, LocalesPathResolver.Resolve(null, Folder("elsewhere"), Path.Combine(_root, "publish")));
    }

    [Fact]
    public void Resolve_BuildOutput_WalksUpToTheSolution()
    {
        File.WriteAllText(Path.Combine(_root, LocalesPathResolver.SolutionFileName), "");
        var baseDirectory = Folder("bot", "SupportBot.Bot", "bin", "Debug", "net10.0");

        Assert.Equal(Path.Combine(_root, "locales"), LocalesPathResolver.Resolve(" ", Folder("elsewhere"), baseDirectory));
    }

    [Fact]
    public void Resolve_NothingFound_ReturnsNull() =>
        Assert.Null(LocalesPathResolver.Resolve(null, Folder("a"), Folder("b")));
}
