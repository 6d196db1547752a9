namespace SupportBot.Dialogs.Tests.Localization;

/// <summary>Finds the repository by walking up from the test binaries to <c>SupportBot.sln</c>, so tests read the shipped data.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root.</summary>
    public static string Root => RepositoryRoot.Path;

    /// <summary>The shipped <c>locales/</c> folder.</summary>
    public static string Locales => Path.Combine(Root, "locales");

    /// <summary>The CLDR files carried in <c>locales/_meta/cldr/</c>.</summary>
    public static string Cldr => Path.Combine(Locales, "_meta", "cldr");
}
