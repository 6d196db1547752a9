using System.Text.Json;

namespace SupportBot.Dialogs.Understanding;

/// <summary>Example utterances per intent for one language, the input of <see cref="LinearIntentRecognizer.Train"/>.</summary>
/// <remarks>
/// <para>The usual source is <c>locales/&lt;lang&gt;/intents.json</c>:
/// <c>{"language":"en","intents":{"greeting":["hi","hello there"],"deny":["no"]}}</c>. The engine does no file
/// I/O: the host reads the file and calls <see cref="Parse"/> or <see cref="Load"/> with a source name that
/// error messages will quote.</para>
/// <para>A set need not cover every intent (a country file may add a few examples to a language); the
/// recognizer of a language knows the intents that its sets cover together.</para>
/// </remarks>
/// <threadsafety>Immutable once constructed.</threadsafety>
public sealed class IntentTrainingSet
{
    private static readonly JsonDocumentOptions s_jsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Creates a set from examples already in memory, validating them as <see cref="Parse"/> does.</summary>
    /// <param name="language">The language tag, e.g. <c>en</c> or <c>pt-BR</c>.</param>
    /// <param name="examples">At least one non-blank example for each intent listed.</param>
    /// <param name="sourceName">Where the examples came from, quoted in error messages.</param>
    /// <exception cref="IntentTrainingDataException">The language is blank or an intent has no or blank examples.</exception>
    public IntentTrainingSet(string language, IReadOnlyDictionary<Intent, IReadOnlyList<string>> examples, string sourceName)
        : this(CheckArguments(language, examples, sourceName))
    {
    }

    // Takes data that has been validated: by CheckArguments, or while it was read from JSON.
    private IntentTrainingSet((string Language, IReadOnlyDictionary<Intent, IReadOnlyList<string>> Examples, string SourceName) valid)
    {
        Language = valid.Language.Trim();
        Examples = valid.Examples;
        SourceName = valid.SourceName;
    }

    /// <summary>The language tag the examples are written in.</summary>
    public string Language { get; }

    /// <summary>Where the examples came from, e.g. <c>locales/en/intents.json</c>.</summary>
    public string SourceName { get; }

    /// <summary>The example utterances of each intent the set covers.</summary>
    public IReadOnlyDictionary<Intent, IReadOnlyList<string>> Examples { get; }

    /// <summary>Parses the JSON of an <c>intents.json</c> file.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="sourceName">The file's path or another name that error messages should quote.</param>
    /// <exception cref="IntentTrainingDataException">
    /// The JSON is invalid, or names an unknown intent label, an intent twice, an intent with no examples,
    /// a blank example, or the same example under two intents.
    /// </exception>
    public static IntentTrainingSet Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Read(() => JsonDocument.Parse(json, s_jsonOptions), sourceName);
    }

    /// <summary>Reads the UTF-8 JSON of an <c>intents.json</c> file from a stream the caller opened.</summary>
    /// <param name="utf8Json">The file's content; it is read to the end and not closed.</param>
    /// <param name="sourceName">The file's path or another name that error messages should quote.</param>
    /// <exception cref="IntentTrainingDataException">As for <see cref="Parse"/>.</exception>
    public static IntentTrainingSet Load(Stream utf8Json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Read(() => JsonDocument.Parse(utf8Json, s_jsonOptions), sourceName);
    }

    private static IntentTrainingSet Read(Func<JsonDocument> parse, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = parse();
        }
        catch (JsonException exception)
        {
            throw new IntentTrainingDataException(sourceName, [$"is not valid JSON: {exception.Message}"]);
        }

        using (document)
        {
            var errors = new List<string>();
            var (language, examples) = ReadRoot(document.RootElement, errors);
            ValidateExamples(examples, errors);
            if (errors.Count > 0)
            {
                throw new IntentTrainingDataException(sourceName, errors);
            }

            return new IntentTrainingSet((language!, examples, sourceName));
        }
    }

    private static (string, IReadOnlyDictionary<Intent, IReadOnlyList<string>>, string) CheckArguments(
        string language, IReadOnlyDictionary<Intent, IReadOnlyList<string>> examples, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(sourceName);

        // Copied first, so that what is kept is what was validated, whatever the caller does with its lists later.
        var copy = examples.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)(pair.Value is null ? [] : [.. pair.Value]));
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(language))
        {
            errors.Add("the language is empty");
        }

        ValidateExamples(copy, errors);
        return errors.Count == 0 ? (language, copy, sourceName) : throw new IntentTrainingDataException(sourceName, errors);
    }

    private static (string? Language, Dictionary<Intent, IReadOnlyList<string>> Examples) ReadRoot(JsonElement root, List<string> errors)
    {
        var examples = new Dictionary<Intent, IReadOnlyList<string>>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("the top level must be an object with \"language\" and \"intents\"");
            return (null, examples);
        }

        string? language = null;
        var sawIntents = false;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "language" when property.Value.ValueKind == JsonValueKind.String:
                    language = property.Value.GetString();
                    break;
                case "language":
                    errors.Add("\"language\" must be a string such as \"en\"");
                    break;
                case "intents" when property.Value.ValueKind == JsonValueKind.Object:
                    sawIntents = true;
                    ReadIntents(property.Value, examples, errors);
                    break;
                case "intents":
                    sawIntents = true;
                    errors.Add("\"intents\" must be an object mapping intent labels to lists of examples");
                    break;
                case var name when name.StartsWith('$'):
                    break; // "$schema", "$comment": metadata for editors and people.
                default:
                    errors.Add($"unknown property \"{property.Name}\" at the top level (expected \"language\" and \"intents\")");
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(language))
        {
            errors.Add("\"language\" is missing or empty");
        }

        if (!sawIntents)
        {
            errors.Add("\"intents\" is missing");
        }

        return (language, examples);
    }

    private static void ReadIntents(JsonElement intents, Dictionary<Intent, IReadOnlyList<string>> examples, List<string> errors)
    {
        foreach (var property in intents.EnumerateObject())
        {
            var label = property.Name;
            if (IntentLabels.FromLabel(label) is not { } intent)
            {
                errors.Add($"unknown intent label '{label}' (known labels: {string.Join(", ", IntentLabels.All.Select(i => i.ToLabel()))})");
                continue;
            }

            if (examples.ContainsKey(intent))
            {
                errors.Add($"intent '{label}' is listed twice");
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"intent '{label}' must be a list of example strings");
                continue;
            }

            var list = new List<string>(property.Value.GetArrayLength());
            var position = 0;
            foreach (var item in property.Value.EnumerateArray())
            {
                position++;
                if (item.ValueKind == JsonValueKind.String)
                {
                    list.Add(item.GetString()!);
                }
                else
                {
                    errors.Add($"intent '{label}', example {position} is not a string");
                }
            }

            examples.Add(intent, list);
        }
    }

    private static void ValidateExamples(IReadOnlyDictionary<Intent, IReadOnlyList<string>> examples, List<string> errors)
    {
        // Keyed by normalised text, the form the recognizer sees, so "Hi!" and "hi" count as the same example.
        var owners = new Dictionary<string, Intent>(StringComparer.Ordinal);
        foreach (var intent in IntentLabels.All)
        {
            if (!examples.TryGetValue(intent, out var list))
            {
                continue;
            }

            if (list.Count == 0)
            {
                errors.Add($"intent '{intent.ToLabel()}' has no examples");
                continue;
            }

            for (var i = 0; i < list.Count; i++)
            {
                var normalized = list[i] is { } text ? TextNormalizer.Normalize(text) : string.Empty;
                if (normalized.Length == 0)
                {
                    errors.Add($"intent '{intent.ToLabel()}', example {i + 1} is empty or has no letters or digits");
                }
                else if (!owners.TryAdd(normalized, intent) && owners[normalized] != intent)
                {
                    errors.Add($"example \"{list[i]}\" is listed under both '{owners[normalized].ToLabel()}' and '{intent.ToLabel()}'");
                }
            }
        }

        foreach (var intent in examples.Keys)
        {
            if (!Enum.IsDefined(intent))
            {
                errors.Add($"intent value {(int)intent} is not a known intent");
            }
        }
    }
}
