using System.Text.Json;
using SupportBot.Bot.Localization;
using SupportBot.Dialogs.LanguageDetection;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Bot.LanguageChoice;

/// <summary>
/// Trains the <see cref="LanguageDetector"/> from the locales folder: every language's recognizer examples and
/// command words (chat-like text, full weight) and its catalog messages (longer, written text, less weight).
/// </summary>
/// <remarks>
/// A catalog value identical to the English one under the same key is an untranslated copy, not evidence of the
/// language, and is skipped. <c>language-names.json</c> is skipped too: it names other languages.
/// </remarks>
public static class LanguageDetectorLoader
{
    private const double ChatWeight = 1.0;
    private const double CatalogWeight = 0.5;
    private const string SourceLanguage = "en";

    public static LanguageDetector Train(LocaleFolder locales, LanguageDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(locales);
        return LanguageDetector.Train(Samples(locales), options);
    }

    /// <summary>The training samples of every language folder.</summary>
    public static IReadOnlyList<LanguageSample> Samples(LocaleFolder locales)
    {
        ArgumentNullException.ThrowIfNull(locales);
        var source = CatalogValues(Path.Combine(locales.Root, SourceLanguage));
        var samples = new List<LanguageSample>();
        foreach (var language in locales.Languages)
        {
            var folder = Path.Combine(locales.Root, language);
            foreach (var file in Directory.GetFiles(folder, "intents*.json").Order(StringComparer.Ordinal))
            {
                var set = IntentTrainingSet.Parse(File.ReadAllText(file), Path.GetRelativePath(locales.Root, file));
                samples.AddRange(set.Examples.Values.SelectMany(list => list).Select(text => new LanguageSample(language, text, ChatWeight)));
            }

            foreach (var file in Directory.GetFiles(folder, "commands*.json").Order(StringComparer.Ordinal))
            {
                samples.AddRange(Strings(file).Select(pair => new LanguageSample(language, pair.Value, ChatWeight)));
            }

            var catalog = language == SourceLanguage ? source : CatalogValues(folder);
            foreach (var (key, value) in catalog)
            {
                if (language == SourceLanguage || !source.TryGetValue(key, out var english) || english != value)
                {
                    samples.Add(new LanguageSample(language, CatalogPlainText.Strip(value), CatalogWeight));
                }
            }
        }

        return samples;
    }

    private static Dictionary<string, string> CatalogValues(string folder)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return values;
        }

        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (!SupportBot.Dialogs.Localization.LocalizationConstants.IsCatalogFile(name) || name.StartsWith("language-names", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (key, value) in Strings(file))
            {
                values.TryAdd(key, value);
            }
        }

        return values;
    }

    private static IEnumerable<KeyValuePair<string, string>> Strings(string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            yield break; // `supportbot locales check` reports broken files; detection just learns from the rest.
        }

        using (document)
        {
            var found = new List<KeyValuePair<string, string>>();
            Walk(document.RootElement, string.Empty, found);
            foreach (var pair in found)
            {
                yield return pair;
            }
        }
    }

    private static void Walk(JsonElement element, string path, List<KeyValuePair<string, string>> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                found.Add(new(path, element.GetString()!));
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject().Where(p => !p.Name.StartsWith('$')))
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, found);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, path + "[" + index++ + "]", found);
                }

                break;
        }
    }
}
