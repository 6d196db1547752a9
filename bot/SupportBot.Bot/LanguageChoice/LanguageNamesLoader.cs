using System.Text.Json;
using SupportBot.Bot.Localization;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Bot.LanguageChoice;

/// <summary>
/// Every name of every language, from <c>_meta/languages.json</c> (<c>name</c>, <c>nativeName</c>) and each
/// language's <c>language-names.json</c> (<c>language.name.&lt;code&gt;</c>), so "francés", "Französisch" and
/// "فرنسية" all name French.
/// </summary>
public static class LanguageNamesLoader
{
    private const string KeyPrefix = "language.name.";

    public static LanguageNames Read(LocaleFolder locales)
    {
        ArgumentNullException.ThrowIfNull(locales);
        var names = new List<(string Code, IEnumerable<string> Names)>();
        var meta = Path.Combine(locales.Root, "_meta", "languages.json");
        if (File.Exists(meta))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(meta));
            foreach (var language in document.RootElement.EnumerateObject())
            {
                names.Add((language.Name, [.. new[] { "name", "nativeName" }
                    .Where(field => language.Value.TryGetProperty(field, out var name) && name.ValueKind == JsonValueKind.String)
                    .Select(field => language.Value.GetProperty(field).GetString()!)]));
            }
        }

        foreach (var (_, json, _) in locales.ReadEach("language-names.json"))
        {
            Dictionary<string, string>? entries;
            try
            {
                entries = JsonSerializer.Deserialize<Dictionary<string, string>>(json);
            }
            catch (JsonException)
            {
                continue; // `supportbot locales check` reports it; the other files still name their languages.
            }

            foreach (var (key, value) in entries ?? [])
            {
                if (key.StartsWith(KeyPrefix, StringComparison.Ordinal) && key.Length > KeyPrefix.Length && !string.IsNullOrWhiteSpace(value))
                {
                    names.Add((key[KeyPrefix.Length..], [value]));
                }
            }
        }

        return new LanguageNames(names);
    }
}
