namespace SupportBot.Bot.Localization;

/// <summary>Renders a catalog message in a language; the host's one way to turn message keys into text.</summary>
public interface ITextRenderer
{
    string Render(string language, string key, IReadOnlyDictionary<string, object?>? arguments = null);
}
