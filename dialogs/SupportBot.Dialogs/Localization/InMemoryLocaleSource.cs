using System.Text;

namespace SupportBot.Dialogs.Localization;

/// <summary>Localisation data held in memory, laid out like <c>locales/</c>: <c>"en/chat.json"</c>, <c>"_meta/languages.json"</c>.</summary>
/// <remarks>For tests and benchmarks: the same paths as on disk, without a temporary folder.</remarks>
/// <threadsafety>Fill it with <see cref="Add(string, string)"/> first, then share it read-only.</threadsafety>
internal sealed class InMemoryLocaleSource : ILocaleSource
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>An empty source.</summary>
    public InMemoryLocaleSource()
    {
    }

    /// <summary>A source with <paramref name="files"/>: relative path → text.</summary>
    public InMemoryLocaleSource(IEnumerable<KeyValuePair<string, string>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var (path, text) in files)
        {
            Add(path, text);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Languages =>
    [
        .. _files.Keys
            .Where(p => p.Contains('/', StringComparison.Ordinal))
            .Select(p => p[..p.IndexOf('/', StringComparison.Ordinal)])
            .Where(LanguageTags.LooksLikeTag)
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>Adds or replaces the file at <paramref name="path"/> with <paramref name="text"/> as UTF-8.</summary>
    public InMemoryLocaleSource Add(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Add(path, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Adds or replaces the file at <paramref name="path"/> with raw bytes (to test encodings).</summary>
    public InMemoryLocaleSource Add(string path, byte[] content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(content);
        _files[path] = content;
        return this;
    }

    /// <inheritdoc />
    public IReadOnlyList<LocaleFile> ReadCatalogFiles(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var prefix = language + "/";
        return
        [
            .. _files
                .Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal)
                    && f.Key.IndexOf('/', prefix.Length) < 0
                    && f.Key.EndsWith(".json", StringComparison.Ordinal))
                .Select(f => new LocaleFile(f.Key, f.Value)),
        ];
    }

    /// <inheritdoc />
    public LocaleFile? ReadMetaFile(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = $"{LocalizationConstants.MetaFolder}/{relativePath}";
        return _files.TryGetValue(path, out var content) ? new LocaleFile(path, content) : null;
    }
}
