using System.Collections.Frozen;

namespace SupportBot.Dialogs.Understanding;

/// <summary>
/// Finds a language the user names ("can we speak French?", "français") from the names in
/// <c>locales/_meta/languages.json</c>; no language is special-cased in code.
/// </summary>
public sealed class LanguageNames
{
    private readonly FrozenDictionary<string, string> _codeByName;

    public LanguageNames(IEnumerable<(string Code, IEnumerable<string> Names)> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, names) in languages)
        {
            foreach (var name in names.Append(code))
            {
                var normalized = CommandLexicon.Normalize(name);
                if (normalized.Length > 1)
                {
                    byName.TryAdd(normalized, code);
                }
            }
        }

        _codeByName = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static LanguageNames Empty { get; } = new([]);

    /// <summary>The language named by the whole message, e.g. "Français".</summary>
    public string? MatchWhole(string text) => _codeByName.GetValueOrDefault(CommandLexicon.Normalize(text));

    /// <summary>A language named anywhere in the message (by a whole word; codes need the whole message).</summary>
    public string? Find(string text)
    {
        var normalized = CommandLexicon.Normalize(text);
        foreach (var word in normalized.Split([' ', ',', '.', '?', '!', '¿', '¡', '؟'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length > 3 && _codeByName.TryGetValue(word, out var code))
            {
                return code;
            }
        }

        return null;
    }
}
