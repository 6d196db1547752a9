using System.Globalization;
using SupportBot.Dialogs.Localization;

namespace SupportBot.Bot.Localization;

/// <summary>
/// The host's renderer over the JSON + ICU catalogs. Dates and times are formatted here, in the language's own
/// culture, because ICU arguments take them already formatted (docs/localization.md §6).
/// </summary>
internal sealed class CatalogTextRenderer(IMessageRenderer renderer) : ITextRenderer
{
    public string Render(string language, string key, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        if (arguments is not null && arguments.Values.Any(value => value is DateTimeOffset))
        {
            var culture = Culture(language);
            arguments = arguments.ToDictionary(
                pair => pair.Key,
                pair => pair.Value is DateTimeOffset at ? (object?)at.UtcDateTime.ToString("f", culture) + " UTC" : pair.Value,
                StringComparer.Ordinal);
        }

        return renderer.Render(language, key, arguments);
    }

    private static CultureInfo Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
