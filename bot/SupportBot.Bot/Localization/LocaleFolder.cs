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

    /// <summary>The languages that have <c>&lt;lang&gt;/&lt;file&gt;</c>, without reading it.</summary>
    public IReadOnlyList<string> LanguagesWith(string fileName) =>
        [.. Languages.Where(language => File.Exists(System.IO.Path.Combine(Root, language, fileName)))];

    /// <summary>The text of <c>&lt;lang&gt;/&lt;file&gt;</c> for every language that has it.</summary>
    public IEnumerable<(string Language, string Json, string SourceName)> ReadEach(string fileName)
    {
        foreach (var language in LanguagesWith(fileName))
        {
            var path = System.IO.Path.Combine(Root, language, fileName);
            yield return (language, File.ReadAllText(path), System.IO.Path.GetRelativePath(Root, path));
        }
    }

    /// <summary>The folder named by <c>Locales:Path</c>, or found as <see cref="LocalesPathResolver"/> describes.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder, or one without the files every deployment needs.</exception>
    public static LocaleFolder Resolve(string? configured, string contentRoot)
    {
        var path = LocalesPathResolver.Resolve(configured, contentRoot, AppContext.BaseDirectory)
            ?? throw new DirectoryNotFoundException(
                "Locales:Path is not set and no 'locales' folder was found in the content root, beside the application, or beside SupportBot.sln.");
        var folder = new LocaleFolder(path);
        var missing = RequiredFiles.Where(file => !File.Exists(System.IO.Path.Combine(folder.Root, file))).ToList();
        return missing.Count == 0
            ? folder
            : throw new DirectoryNotFoundException($"Locales:Path '{folder.Root}' has no {string.Join(", ", missing)}.");
    }

    /// <summary>Files without which the bot cannot speak or the page cannot show itself.</summary>
    public static IReadOnlyList<string> RequiredFiles { get; } = ["_meta/languages.json", "en/messages.json", "en/ui.json", "en/intents.json"];
}
