using System.Text.Json;

namespace SupportBot.Dialogs.Redaction;

/// <summary>
/// The words and patterns that point at a secret, as data a localisation team keeps: per language,
/// <c>locales/&lt;lang&gt;/redaction.json</c> (keywords that introduce a password, a card's security code or an ID
/// number, and the little words between keyword and value: "is", ":", "es", "هي"…); for every language,
/// <c>locales/_meta/redaction-patterns.json</c> (shapes of national IDs and of API keys and bearer tokens).
/// </summary>
/// <remarks>Every language's words are used on every message: people paste in one language while chatting in another.</remarks>
public sealed class RedactionLexicon
{
    private RedactionLexicon(
        IReadOnlyList<string> passwordWords, IReadOnlyList<string> cvvWords, IReadOnlyList<string> idWords,
        IReadOnlyList<string> connectors, IReadOnlyList<NamedPattern> idPatterns, IReadOnlyList<NamedPattern> tokenPatterns)
    {
        PasswordWords = passwordWords;
        CvvWords = cvvWords;
        IdWords = idWords;
        Connectors = connectors;
        IdPatterns = idPatterns;
        TokenPatterns = tokenPatterns;
    }

    public IReadOnlyList<string> PasswordWords { get; }

    public IReadOnlyList<string> CvvWords { get; }

    public IReadOnlyList<string> IdWords { get; }

    public IReadOnlyList<string> Connectors { get; }

    public IReadOnlyList<NamedPattern> IdPatterns { get; }

    public IReadOnlyList<NamedPattern> TokenPatterns { get; }

    /// <summary>No words and no patterns: the shape-only redaction of <see cref="SecretRedactor"/>.</summary>
    public static RedactionLexicon Empty { get; } = new([], [], [], [], [], []);

    /// <param name="languageFiles">Each language's <c>redaction.json</c> text with a name for errors.</param>
    /// <param name="patternsJson">The text of <c>_meta/redaction-patterns.json</c>, or null.</param>
    /// <exception cref="FormatException">A file is not what the format says, naming the file and the field.</exception>
    public static RedactionLexicon Parse(IEnumerable<(string Json, string SourceName)> languageFiles, string? patternsJson)
    {
        ArgumentNullException.ThrowIfNull(languageFiles);
        var password = new List<string>();
        var cvv = new List<string>();
        var id = new List<string>();
        var connectors = new List<string>();
        foreach (var (json, source) in languageFiles)
        {
            using var document = Read(json, source);
            password.AddRange(Words(document.RootElement, "password", source));
            cvv.AddRange(Words(document.RootElement, "cvv", source));
            id.AddRange(Words(document.RootElement, "idNumber", source));
            connectors.AddRange(Words(document.RootElement, "connectors", source));
        }

        var idPatterns = new List<NamedPattern>();
        var tokenPatterns = new List<NamedPattern>();
        if (patternsJson is not null)
        {
            using var document = Read(patternsJson, "redaction-patterns.json");
            idPatterns.AddRange(Patterns(document.RootElement, "idNumbers"));
            tokenPatterns.AddRange(Patterns(document.RootElement, "tokens"));
        }

        return new RedactionLexicon(Distinct(password), Distinct(cvv), Distinct(id), Distinct(connectors), idPatterns, tokenPatterns);
    }

    private static JsonDocument Read(string json, string source)
    {
        try
        {
            var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document
                : throw new FormatException($"{source}: expected a JSON object.");
        }
        catch (JsonException exception)
        {
            throw new FormatException($"{source}: {exception.Message}", exception);
        }
    }

    private static IEnumerable<string> Words(JsonElement root, string field, string source)
    {
        if (!root.TryGetProperty(field, out var list))
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString())))
        {
            throw new FormatException($"{source}: '{field}' must be an array of non-empty strings.");
        }

        return list.EnumerateArray().Select(item => item.GetString()!.Trim());
    }

    private static IEnumerable<NamedPattern> Patterns(JsonElement root, string field)
    {
        if (!root.TryGetProperty(field, out var list))
        {
            return [];
        }

        return list.EnumerateObject().Select(pattern => pattern.Value.ValueKind == JsonValueKind.String
            ? new NamedPattern(pattern.Name, pattern.Value.GetString()!)
            : throw new FormatException($"redaction-patterns.json: '{field}.{pattern.Name}' must be a regular expression string."));
    }

    // Longest first, so "social security number" wins over "social security".
    private static string[] Distinct(List<string> words) =>
        [.. words.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(word => word.Length).ThenBy(word => word, StringComparer.Ordinal)];
}

/// <summary>A regular expression with a name a reviewer recognises (<c>us-ssn</c>, <c>github-token</c>).</summary>
public sealed record NamedPattern(string Name, string Regex);
