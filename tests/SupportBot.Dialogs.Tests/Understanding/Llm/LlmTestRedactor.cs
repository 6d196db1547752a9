using SupportBot.Dialogs.Redaction;

namespace SupportBot.Dialogs.Tests.Understanding.Llm;

/// <summary>The redactor with the real lexicon of every language in <c>locales/</c>.</summary>
internal static class LlmTestRedactor
{
    private static readonly Lazy<Redactor> s_redactor = new(() =>
    {
        var locales = Path.Combine(RepositoryRoot.Path, "locales");
        var files = Directory.GetDirectories(locales)
            .Select(folder => Path.Combine(folder, "redaction.json"))
            .Where(File.Exists)
            .Select(path => (File.ReadAllText(path), Path.GetRelativePath(locales, path)));
        return new Redactor(RedactionLexicon.Parse(files, File.ReadAllText(Path.Combine(locales, "_meta", "redaction-patterns.json"))));
    });

    public static Redactor Instance => s_redactor.Value;
}
