using System.Collections.Frozen;
using System.Text.Json;

namespace SupportBot.Dialogs.Understanding;

/// <summary>
/// Phrases that mark a message as personal facts offered as proof, or as a request to change a contact in chat,
/// per language (<c>locales/&lt;lang&gt;/claims.json</c>, data a localisation team edits, not code). A phrase
/// matches anywhere in the message, after the same folding as command words. English phrases apply in every
/// language, because attackers switch.
/// </summary>
public sealed class ClaimLexicon
{
    private static readonly FrozenDictionary<string, UserClaim> s_claimNames = new Dictionary<string, UserClaim>(StringComparer.Ordinal)
    {
        ["personal-facts"] = UserClaim.PersonalFacts,
        ["contact-change"] = UserClaim.ContactChange,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const string FallbackLanguage = "en";

    private readonly FrozenDictionary<string, (string Phrase, UserClaim Claim)[]> _byLanguage;

    private ClaimLexicon(Dictionary<string, List<(string, UserClaim)>> byLanguage) =>
        _byLanguage = byLanguage.ToFrozenDictionary(
            pair => pair.Key,
            // Contact changes first: "send the code to my new email, my birthday is …" is above all a contact change.
            pair => pair.Value.OrderBy(entry => entry.Item2 == UserClaim.ContactChange ? 0 : 1).ToArray(),
            StringComparer.Ordinal);

    public static ClaimLexicon Empty { get; } = new([]);

    /// <summary>Builds the lexicon from each language's <c>claims.json</c> text.</summary>
    /// <exception cref="FormatException">A file is not an object of string arrays, or names an unknown claim.</exception>
    public static ClaimLexicon Parse(IEnumerable<(string Language, string Json, string SourceName)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var byLanguage = new Dictionary<string, List<(string, UserClaim)>>(StringComparer.Ordinal);
        foreach (var (language, json, sourceName) in files)
        {
            Dictionary<string, JsonElement>? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json);
            }
            catch (JsonException exception)
            {
                throw new FormatException($"{sourceName}: not a JSON object ({exception.Message}).", exception);
            }

            var phrases = byLanguage.TryGetValue(language, out var existing) ? existing : byLanguage[language] = [];
            foreach (var (name, value) in parsed ?? [])
            {
                if (name.StartsWith('_'))
                {
                    continue; // "_comment" and the like
                }

                if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(word => word.ValueKind != JsonValueKind.String))
                {
                    throw new FormatException($"{sourceName}: \"{name}\" must be an array of strings.");
                }

                var words = value.EnumerateArray().Select(word => word.GetString()!).ToArray();

                if (!s_claimNames.TryGetValue(name, out var claim))
                {
                    throw new FormatException($"{sourceName}: unknown claim \"{name}\"; expected one of {string.Join(", ", s_claimNames.Keys)}.");
                }

                foreach (var word in words)
                {
                    var normalized = CommandLexicon.Normalize(word);
                    if (normalized.Length == 0)
                    {
                        throw new FormatException($"{sourceName}: an empty phrase under \"{name}\".");
                    }

                    phrases.Add((" " + normalized, claim)); // starts at a word
                }
            }
        }

        return new ClaimLexicon(byLanguage);
    }

    /// <summary>The claim <paramref name="text"/> makes in <paramref name="language"/> (or English), or <see cref="UserClaim.None"/>.</summary>
    public UserClaim Match(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = " " + CommandLexicon.Normalize(text.Replace('’', '\'')) + " ";
        var found = Find(normalized, language);
        return found != UserClaim.None || language == FallbackLanguage ? found : Find(normalized, FallbackLanguage);
    }

    private UserClaim Find(string normalized, string language)
    {
        if (!_byLanguage.TryGetValue(language, out var phrases))
        {
            return UserClaim.None;
        }

        foreach (var (phrase, claim) in phrases)
        {
            if (normalized.Contains(phrase, StringComparison.Ordinal))
            {
                return claim;
            }
        }

        return UserClaim.None;
    }
}
