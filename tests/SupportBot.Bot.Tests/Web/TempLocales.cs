using System.Text.Json;

namespace SupportBot.Bot.Tests.Web;

/// <summary>A throw-away <c>locales/</c> folder with the files a test writes into it.</summary>
internal sealed class TempLocales : IDisposable
{
    public TempLocales()
    {
        Root = Directory.CreateTempSubdirectory("supportbot-locales-").FullName;
        Write("_meta/languages.json", new Dictionary<string, object>
        {
            ["en"] = new { name = "English", nativeName = "English", dir = "ltr" },
            ["fr"] = new { name = "French", nativeName = "Français", dir = "ltr" },
            ["ar"] = new { name = "Arabic", nativeName = "العربية", dir = "rtl" },
        });
        Write("en/ui.json", new Dictionary<string, string> { ["ui.title"] = "SupportBot", ["ui.language.label"] = "Language" });
    }

    public string Root { get; }

    public void Write(string relativePath, object content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(content));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
