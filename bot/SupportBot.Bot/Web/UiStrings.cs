namespace SupportBot.Bot.Web;

/// <summary>The page's strings for one locale, already merged over the fallback language.</summary>
/// <param name="Language">The most specific catalog that contributed, e.g. <c>en</c> when <c>ar</c> has none yet.</param>
/// <param name="Strings">Key to text; every key of the fallback catalog is present.</param>
internal sealed record UiStrings(string Language, IReadOnlyDictionary<string, string> Strings);
