using System.Globalization;
using Microsoft.Extensions.Localization;

namespace SupportBot.Dialogs.Localization;

/// <summary>An <see cref="IStringLocalizer"/> over the JSON catalogs, for one language or for the current UI culture.</summary>
/// <remarks>
/// <para>
/// Arguments are named: <c>localizer["verify.code.sent", new { minutes = 10 }]</c> reads the anonymous object's
/// properties, and a single <see cref="IReadOnlyDictionary{TKey, TValue}"/> of <c>string → object?</c> works too.
/// Positional arguments (<c>localizer["k", 10]</c>) are not supported, because ICU messages name their arguments; they
/// are ignored, logged, and the message shows its placeholders.
/// </para>
/// <para>
/// Numbers are formatted with grouping in the culture of the requested language. Pass identifiers such as codes, years
/// or phone numbers as strings, or <c>123456</c> becomes <c>123,456</c>.
/// </para>
/// <para>
/// A lightweight handle: the catalogs, caches and logging live in <see cref="JsonStringLocalizerFactory"/>.
/// </para>
/// </remarks>
/// <threadsafety>Safe to share; stateless apart from its language.</threadsafety>
internal sealed class JsonStringLocalizer : IStringLocalizer
{
    private readonly JsonStringLocalizerFactory _factory;

    internal JsonStringLocalizer(JsonStringLocalizerFactory factory, string? language)
    {
        _factory = factory;
        Language = language;
    }

    /// <summary>The language this localizer is pinned to, or null when it follows <see cref="CultureInfo.CurrentUICulture"/>.</summary>
    public string? Language { get; }

    private string CurrentLanguage => Language ?? CultureInfo.CurrentUICulture.Name;

    /// <inheritdoc />
    public LocalizedString this[string name] => Localize(name, MessageArguments.None);

    /// <inheritdoc />
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            if (arguments is null || arguments.Length == 0)
            {
                return Localize(name, MessageArguments.None);
            }

            if (arguments.Length == 1 && !MessageArguments.IsScalar(arguments[0]))
            {
                return Localize(name, MessageArguments.FromObject(arguments[0]));
            }

            _factory.ReportPositionalArguments(CurrentLanguage, name);
            return Localize(name, MessageArguments.None);
        }
    }

    /// <summary>Finds and formats <paramref name="name"/> with <paramref name="arguments"/>.</summary>
    public LocalizedString Localize(string name, in MessageArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(name);
        var (text, notFound, location) = _factory.Localize(CurrentLanguage, name, arguments);
        return new LocalizedString(name, text, notFound, location);
    }

    /// <summary>The messages of this language (and of its fallbacks when <paramref name="includeParentCultures"/>), as ICU source text.</summary>
    /// <remarks>Values are not formatted, because they have no arguments here; this is for export and inspection, not for users.</remarks>
    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        _factory.GetAllStrings(CurrentLanguage, includeParentCultures);
}
