namespace SupportBot.Dialogs.Localization;

/// <summary>Reads localisation data from a <c>locales/</c> folder on disk.</summary>
/// <remarks>
/// The only class of the localisation engine that touches the file system. Files are read when asked (at load), not
/// watched: catalogs change on deploy, and a watcher per file runs into inotify limits (docs/localization.md §1).
/// Folders whose names do not look like language tags (<c>_meta</c>, <c>_context</c>, <c>countries</c>) are not languages.
/// </remarks>
/// <threadsafety>Stateless apart from the root path; safe to share.</threadsafety>
internal sealed class DirectoryLocaleSource : ILocaleSource
{
    /// <summary>Creates a source over <paramref name="rootPath"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public DirectoryLocaleSource(string rootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        RootPath = Path.GetFullPath(rootPath);
        if (!Directory.Exists(RootPath))
        {
            throw new DirectoryNotFoundException($"The locales folder '{RootPath}' does not exist.");
        }
    }

    /// <summary>The absolute path of the locales root.</summary>
    public string RootPath { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Languages =>
    [
        .. Directory.EnumerateDirectories(RootPath)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(LanguageTags.LooksLikeTag)
            .Order(StringComparer.Ordinal),
    ];

    /// <inheritdoc />
    public IReadOnlyList<LocaleFile> ReadCatalogFiles(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (!LanguageTags.LooksLikeTag(language))
        {
            return [];
        }

        var folder = Path.Combine(RootPath, language);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return
        [
            .. Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly)
                .Order(StringComparer.Ordinal)
                .Select(path => new LocaleFile($"{language}/{Path.GetFileName(path)}", File.ReadAllBytes(path))),
        ];
    }

    /// <inheritdoc />
    public LocaleFile? ReadMetaFile(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        var segments = relativePath.Split('/');
        if (Path.IsPathRooted(relativePath) || segments.Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"'{relativePath}' must be a plain relative path under {LocalizationConstants.MetaFolder}.", nameof(relativePath));
        }

        var path = Path.Combine([RootPath, LocalizationConstants.MetaFolder, .. segments]);
        return File.Exists(path)
            ? new LocaleFile($"{LocalizationConstants.MetaFolder}/{relativePath}", File.ReadAllBytes(path))
            : null;
    }
}
