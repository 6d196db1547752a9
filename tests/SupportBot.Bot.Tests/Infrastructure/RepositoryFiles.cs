using System.Text.Json;

namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>The repository's own folders (locales/, tests/nlu/, tests/conversations/), found above the test binaries.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Find();

    public static string Locales => Path.Combine(Root, "locales");

    public static string HeldOut(string language) => Path.Combine(Root, "tests", "nlu", language + ".heldout.jsonl");

    /// <summary>The launch languages: every entry of <c>locales/_meta/languages.json</c>.</summary>
    public static IReadOnlyList<string> LaunchLanguages()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Locales, "_meta", "languages.json")));
        return [.. document.RootElement.EnumerateObject().Select(language => language.Name)];
    }

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SupportBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SupportBot.sln not found above " + AppContext.BaseDirectory);
    }
}
