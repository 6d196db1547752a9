namespace SupportBot.Bot.Localization;

/// <summary>The resolved <c>locales/</c> folder and the per-language files the host reads from it.</summary>
public sealed class LocaleFolder
{
    public LocaleFolder(string root)
    {
        Root = System.IO.Directory.Exists(root)
            ? System.IO.Path.GetFullPath(root)
            : throw new DirectoryNotFoundException($"The locales folder '{root}' does not exist. Set Locales:Path to the folder that holds the language folders.");
    }

    public string Root { get; }

    /// <summary>Language folders (names like <c>en</c>, <c>fr-CA</c>; folders starting with <c>_</c> are metadata).</summary>
    public IReadOnlyList<string> Languages =>
        [.. System.IO.Directory.GetDirectories(Root)
            .Select(System.IO.Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('_') && name != "countries")
            .Order(StringComparer.Ordinal)];

    /// <summary>The text of <c>&lt;lang&gt;/&lt;file&gt;</c> for every language that has it.</summary>
    public IEnumerable<(string Language, string Json, string SourceName)> ReadEach(string fileName)
    {
        foreach (var language in Languages)
        {
            var path = System.IO.Path.Combine(Root, language, fileName);
            if (File.Exists(path))
            {
                yield return (language, File.ReadAllText(path), System.IO.Path.GetRelativePath(Root, path));
            }
        }
    }

    public static LocaleFolder Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new LocaleFolder(System.IO.Path.IsPathRooted(configured) ? configured : System.IO.Path.Combine(contentRoot, configured));
        }

        var beside = System.IO.Path.Combine(contentRoot, "locales");
        if (System.IO.Directory.Exists(beside))
        {
            return new LocaleFolder(beside);
        }

        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "SupportBot.sln")))
                {
                    return new LocaleFolder(System.IO.Path.Combine(directory.FullName, "locales"));
                }
            }
        }

        throw new DirectoryNotFoundException("No locales folder found beside the content root or above the app; set Locales:Path.");
    }
}
