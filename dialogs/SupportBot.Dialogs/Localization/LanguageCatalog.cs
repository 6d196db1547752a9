using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace SupportBot.Dialogs.Localization;

/// <summary>All messages of one language folder, merged from its files.</summary>
/// <remarks>Frozen at load: read on every turn, never written, so a frozen dictionary gives the fastest lookups.</remarks>
/// <threadsafety>Immutable; safe to share.</threadsafety>
internal sealed class LanguageCatalog
{
    private readonly FrozenDictionary<string, CatalogEntry> _entries;

    /// <summary>Creates the catalog of <paramref name="language"/>.</summary>
    /// <exception cref="ArgumentException">Two entries have the same key (the loader reports duplicates before this).</exception>
    public LanguageCatalog(string language, IEnumerable<CatalogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(entries);
        Language = language;
        _entries = entries.ToFrozenDictionary(e => e.Key, StringComparer.Ordinal);
    }

    /// <summary>The language tag, spelled as its folder.</summary>
    public string Language { get; }

    /// <summary>The entries, keyed by message key.</summary>
    public IReadOnlyDictionary<string, CatalogEntry> Entries => _entries;

    /// <summary>The ICU text of <paramref name="key"/>.</summary>
    public bool TryGetMessage(string key, [MaybeNullWhen(false)] out string message)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            message = entry.Message;
            return true;
        }

        message = null;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Language} ({_entries.Count} messages)";
}
