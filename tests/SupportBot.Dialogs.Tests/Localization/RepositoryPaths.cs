namespace SupportBot.Dialogs.Tests.Localization;

/// <summary>Finds the repository by walking up from the test binaries to <c>SupportBot.sln</c>, so tests read the shipped data.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The shipped <c>locales/</c> folder.</summary>
    public static string Locales => Path.Combine(Root, "locales");

    /// <summary>The CLDR files carried in <c>locales/_meta/cldr/</c>.</summary>
    public static string Cldr => Path.Combine(Locales, "_meta", "cldr");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SupportBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No SupportBot.sln above {AppContext.BaseDirectory}.");
    }
}
