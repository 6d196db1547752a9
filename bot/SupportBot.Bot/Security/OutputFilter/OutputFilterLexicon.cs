using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Bot.Localization;
using SupportBot.Dialogs.Redaction;

namespace SupportBot.Bot.Security.OutputFilter;

/// <summary>
/// The data <see cref="OutgoingReplyGuard"/> works from, kept by the localisation team: the example contacts the
/// catalogs show (allowed through), every language's password words (<c>redaction.json</c>), and every language's
/// words for a one-time code and for asking (<c>redaction-asks.json</c>). Every language's words apply to every
/// message: an agent may write in a language other than the conversation's.
/// </summary>
public sealed partial class OutputFilterLexicon
{
    private readonly HashSet<string> _placeholders;
    private readonly Regex _secret;
    private readonly Regex _asking;

    public OutputFilterLexicon(IEnumerable<string> placeholders, IEnumerable<string> secretWords, IEnumerable<string> askingWords)
    {
        _placeholders = [.. placeholders.Select(Normalize)];
        _secret = WordsPattern(secretWords, nameof(secretWords));
        _asking = WordsPattern(askingWords, nameof(askingWords));
    }

    public bool IsPlaceholder(string contact) => _placeholders.Contains(Normalize(contact));

    /// <summary>Names a password or code and asks for something: "send me the code you received".</summary>
    public bool AsksForSecret(string text) => _secret.IsMatch(text) && _asking.IsMatch(text);

    /// <summary>Reads the lexicon from the locales folder; a malformed file stops start-up with its name.</summary>
    public static OutputFilterLexicon Load(LocaleFolder locales)
    {
        ArgumentNullException.ThrowIfNull(locales);
        var passwords = RedactionLexicon.Parse(locales.ReadEach("redaction.json").Select(file => (file.Json, file.SourceName)), null).PasswordWords;
        var secrets = new List<string>(passwords);
        var asking = new List<string>();
        foreach (var (_, json, source) in locales.ReadEach("redaction-asks.json"))
        {
            using var document = JsonDocument.Parse(json);
            secrets.AddRange(Words(document.RootElement, "code", source));
            asking.AddRange(Words(document.RootElement, "asking", source));
        }

        var placeholders = new List<string>();
        foreach (var language in locales.Languages)
        {
            foreach (var path in Directory.GetFiles(Path.Combine(locales.Root, language), "*.json"))
            {
                if (IsCatalog(Path.GetFileName(path)))
                {
                    var text = File.ReadAllText(path);
                    placeholders.AddRange(Email().Matches(text).Select(m => m.Value));
                    placeholders.AddRange(Phone().Matches(text).Select(m => m.Value));
                }
            }
        }

        return new OutputFilterLexicon(placeholders, secrets, asking);
    }

    // Recognizer and redaction data hold sample user input, not catalog text: their contacts are not placeholders.
    private static bool IsCatalog(string fileName) =>
        !new[] { "intents", "commands", "redaction", "claims" }.Any(prefix => fileName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Words(JsonElement root, string property, string source) =>
        root.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(word => word.GetString() is { Length: > 0 } value ? value : throw new FormatException($"{source}: '{property}' holds an empty or non-string word."))
            : throw new FormatException($"{source}: '{property}' must be an array of words.");

    private static Regex WordsPattern(IEnumerable<string> words, string name)
    {
        var alternatives = words.Select(word => word.Trim()).Where(word => word.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(word => word.Length).Select(Regex.Escape).ToList();
        return alternatives.Count == 0
            ? throw new ArgumentException("At least one word is required.", name)
            : new Regex($@"(?<![\p{{L}}\p{{M}}])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{M}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static string Normalize(string contact) => contact.Contains('@', StringComparison.Ordinal)
        ? contact.ToLowerInvariant()
        : string.Concat(contact.Where(char.IsAsciiDigit));

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\w-])\+?\d[\d\s().-]{5,}\d(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
