namespace SupportBot.Dialogs.Localization;

/// <summary>Where localisation data comes from: language folders of catalog files, and a <c>_meta</c> folder.</summary>
/// <remarks>
/// The seam that keeps the engine free of file I/O: <see cref="DirectoryLocaleSource"/> reads <c>locales/</c> from disk,
/// <see cref="InMemoryLocaleSource"/> serves tests and benchmarks. Contents are UTF-8 bytes, not strings, so that the
/// loader can reject a file that is not UTF-8 and read JSON without transcoding.
/// </remarks>
internal interface ILocaleSource
{
    /// <summary>The language folders (names that look like language tags, e.g. <c>en</c>, <c>fr-CA</c>), sorted ordinally.</summary>
    IReadOnlyList<string> Languages { get; }

    /// <summary>Every <c>*.json</c> file directly in the folder of <paramref name="language"/>, sorted by path; empty if there is none.</summary>
    IReadOnlyList<LocaleFile> ReadCatalogFiles(string language);

    /// <summary>A file under <c>_meta</c>, e.g. <c>languages.json</c> or <c>cldr/plurals.json</c>; null when it does not exist.</summary>
    /// <param name="relativePath">A path relative to <c>_meta</c>, with <c>/</c> separators.</param>
    LocaleFile? ReadMetaFile(string relativePath);
}
