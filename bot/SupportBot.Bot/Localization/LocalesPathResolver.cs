namespace SupportBot.Bot.Localization;

/// <summary>Turns the configured <c>Locales:Path</c> into an absolute folder: configured, else beside the content root or the app, else beside SupportBot.sln.</summary>
internal static class LocalesPathResolver
{
    public const string FolderName = "locales";
    public const string SolutionFileName = "SupportBot.sln";

    /// <returns>The absolute folder, or <see langword="null"/> when nothing is configured and no candidate exists.</returns>
    public static string? Resolve(string? configuredPath, string contentRootPath, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return Path.GetFullPath(configuredPath, contentRootPath);
        }

        foreach (var candidate in new[] { contentRootPath, baseDirectory })
        {
            var locales = Path.Combine(candidate, FolderName);
            if (Directory.Exists(locales))
            {
                return Path.GetFullPath(locales);
            }
        }

        for (var directory = new DirectoryInfo(baseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return Path.Combine(directory.FullName, FolderName);
            }
        }

        return null;
    }
}
