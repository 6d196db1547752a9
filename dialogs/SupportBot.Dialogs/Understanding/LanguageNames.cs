using System.Collections.Frozen;

namespace SupportBot.Dialogs.Understanding;

/// <summary>
/// Finds a language the user names ("can we speak French?", "¿podemos hablar en francés?", "français") from data:
/// the names in <c>locales/_meta/languages.json</c> and every language's <c>language-names.json</c>
/// (<c>language.name.&lt;code&gt;</c>), so each language is recognised by its name in every launch language. No
/// language is special-cased in code.
/// </summary>
/// <remarks>
/// Names are compared in the recognizer's normalised form (see <see cref="TextNormalizer"/>): "frances" finds
/// "francés", "BAHASA  Indonesia" finds "Bahasa Indonesia". Inside a longer message a name must be a whole word
/// (or words) of at least four letters; shorter names and codes must be the whole message. A name of five letters or
/// more may carry up to three attached letters (a clitic or case ending: "بالفرنسية", "Türkçeyi"), which many
/// launch languages write as part of the word.
/// </remarks>
public sealed class LanguageNames
{
    private const int MinLengthInsideText = 4;
    private const int MinLengthWithAffix = 5;
    private const int MaxAffix = 3;

    private readonly FrozenDictionary<string, string> _codeByName;
    private readonly (string Padded, string Code)[] _searchable;

    public LanguageNames(IEnumerable<(string Code, IEnumerable<string> Names)> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, names) in languages)
        {
            foreach (var name in names.Append(code))
            {
                var normalized = TextNormalizer.Normalize(name);
                if (normalized.Length > 1)
                {
                    byName.TryAdd(normalized, code);
                }
            }
        }

        _codeByName = byName.ToFrozenDictionary(StringComparer.Ordinal);

        // Longest first, so "bahasa indonesia" wins over a shorter name inside it.
        _searchable = [.. byName
            .Where(pair => pair.Key.Length >= MinLengthInsideText && !string.Equals(pair.Key, pair.Value, StringComparison.Ordinal))
            .OrderByDescending(pair => pair.Key.Length)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => (" " + pair.Key + " ", pair.Value))];
    }

    public static LanguageNames Empty { get; } = new([]);

    /// <summary>The language named by the whole message, e.g. "Français".</summary>
    public string? MatchWhole(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _codeByName.GetValueOrDefault(TextNormalizer.Normalize(text));
    }

    /// <summary>A language named anywhere in the message (by whole words; codes need the whole message).</summary>
    public string? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text);
        var padded = " " + normalized + " ";
        foreach (var (name, code) in _searchable)
        {
            if (padded.Contains(name, StringComparison.Ordinal))
            {
                return code;
            }
        }

        foreach (var word in normalized.Split(TextNormalizer.Separator))
        {
            foreach (var (name, code) in _searchable)
            {
                var bare = name.AsSpan(1, name.Length - 2);
                if (bare.Length >= MinLengthWithAffix && word.Length > bare.Length && word.Length - bare.Length <= MaxAffix
                    && (word.AsSpan().EndsWith(bare, StringComparison.Ordinal) || word.AsSpan().StartsWith(bare, StringComparison.Ordinal)))
                {
                    return code;
                }
            }
        }

        return null;
    }
}
