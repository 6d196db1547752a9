namespace SupportBot.Bot.Web;

/// <summary>One entry of <c>locales/_meta/languages.json</c>, as the page needs it.</summary>
/// <param name="Code">The BCP-47 tag, which is also the folder name under <c>locales/</c>.</param>
/// <param name="Name">The English name.</param>
/// <param name="NativeName">The name in the language itself, shown in the language picker.</param>
/// <param name="Dir"><c>ltr</c> or <c>rtl</c>.</param>
internal sealed record LanguageInfo(string Code, string Name, string NativeName, string Dir);
