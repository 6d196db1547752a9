using System.Collections.Concurrent;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SupportBot.Dialogs.Localization;

/// <summary>
/// The <see cref="IStringLocalizerFactory"/> behind every <see cref="IStringLocalizer"/> of the bot: flat JSON catalogs
/// with ICU MessageFormat values, CLDR plurals, fallback chains from data, and bidi isolation for right-to-left languages.
/// </summary>
/// <remarks>
/// <para>
/// Register it as a singleton (see <see cref="LocalizationServiceCollectionExtensions.AddJsonLocalization(Microsoft.Extensions.DependencyInjection.IServiceCollection, string)"/>):
/// registering only an <see cref="IStringLocalizer"/> is ignored by ASP.NET, and one factory means one copy of the
/// catalogs and of the compiled-message cache. Both <c>Create</c> overloads return the same localizer, which follows
/// <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>; <see cref="ForLanguage"/> returns one pinned to a
/// language, which is what the bot wants (the conversation knows its language; the thread does not).
/// </para>
/// <para>
/// Lookup walks the resolved chain (fr-CA → fr → en). A message that does not parse is skipped like a missing one, so a
/// broken translation shows the fallback text rather than nothing. When a key exists nowhere, the user sees the neutral
/// <c>error.text-missing</c> message (or a generic text), never the raw key, and <see cref="LocalizedString.ResourceNotFound"/> is true.
/// Misses, fallbacks to another language, missing arguments and invalid messages are each logged once per (language, key).
/// </para>
/// <para>The catalogs load in the constructor; errors in the data (bad JSON, duplicate keys) throw <see cref="LocaleCatalogException"/> at startup.</para>
/// </remarks>
/// <threadsafety>Safe to share; all state is immutable or concurrent.</threadsafety>
internal sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private const int MaxCachedLocalizers = 512;

    private readonly MessageFormatter _formatter;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(LogOnce Event, string Language, string Key), byte> _reported = new();
    private readonly ConcurrentDictionary<string, JsonStringLocalizer> _localizers = new(StringComparer.Ordinal);
    private readonly JsonStringLocalizer _uiCultureLocalizer;

    /// <summary>Loads the catalogs of <paramref name="source"/>.</summary>
    /// <param name="source">Where the data comes from.</param>
    /// <param name="logger">Where misses and load warnings go; none when null.</param>
    /// <exception cref="LocaleCatalogException">The data has errors (bad JSON, duplicate or malformed keys, no CLDR rules).</exception>
    public JsonStringLocalizerFactory(ILocaleSource source, ILogger<JsonStringLocalizerFactory>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var loaded = LocaleCatalogLoader.Load(source);
        if (loaded.HasErrors)
        {
            throw new LocaleCatalogException(loaded.Findings);
        }

        foreach (var finding in loaded.Findings)
        {
            LocalizationLog.LoadWarning(_logger, finding.ToString());
        }

        Catalogs = loaded.Catalogs;
        _formatter = new MessageFormatter(Catalogs.PluralRules);
        _uiCultureLocalizer = new JsonStringLocalizer(this, null);
        LocalizationLog.Loaded(_logger, Catalogs.Catalogs.Sum(c => c.Entries.Count), Catalogs.Catalogs.Count);
    }

    private enum LogOnce
    {
        KeyMissing,
        ArgumentsMissing,
        MessageInvalid,
        FellBack,
        PositionalArguments,
    }

    /// <summary>The loaded data.</summary>
    public LocaleCatalogSet Catalogs { get; }

    /// <summary>A localizer that follows <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>; the resource type is irrelevant, catalogs are shared.</summary>
    public IStringLocalizer Create(Type resourceSource)
    {
        ArgumentNullException.ThrowIfNull(resourceSource);
        return _uiCultureLocalizer;
    }

    /// <summary>A localizer that follows <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>; base name and location are irrelevant, catalogs are shared.</summary>
    public IStringLocalizer Create(string baseName, string location)
    {
        ArgumentNullException.ThrowIfNull(baseName);
        ArgumentNullException.ThrowIfNull(location);
        return _uiCultureLocalizer;
    }

    /// <summary>A localizer pinned to <paramref name="language"/>, whatever the thread's culture.</summary>
    /// <param name="language">A language tag such as <c>fr-CA</c>.</param>
    public JsonStringLocalizer ForLanguage(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (_localizers.TryGetValue(language, out var localizer))
        {
            return localizer;
        }

        localizer = new JsonStringLocalizer(this, language);
        return _localizers.Count < MaxCachedLocalizers ? _localizers.GetOrAdd(language, localizer) : localizer;
    }

    /// <summary>Finds and formats <paramref name="key"/> for <paramref name="language"/>; never returns the raw key.</summary>
    /// <returns>The text, whether the key was found in no language, and the language of the catalog that supplied it.</returns>
    internal (string Text, bool ResourceNotFound, string? SearchedLocation) Localize(
        string language,
        string key,
        in MessageArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(key);
        var resolution = Catalogs.Resolve(language);
        var chain = resolution.Chain;

        // An indexed loop: foreach over the interface would box an enumerator on every turn.
        for (var k = 0; k < chain.Count; k++)
        {
            var link = chain[k];
            var catalogLanguage = link.Catalog.Language;
            if (!link.Catalog.TryGetMessage(key, out var message))
            {
                continue;
            }

            var parsed = _formatter.GetPattern(catalogLanguage, key, message);
            if (!parsed.Success)
            {
                if (FirstTime(LogOnce.MessageInvalid, catalogLanguage, key))
                {
                    LocalizationLog.MessageInvalid(_logger, key, catalogLanguage, parsed.Error.Message);
                }

                continue;
            }

            var formatted = _formatter.Format(catalogLanguage, parsed.Pattern, link.Culture, arguments, link.IsolateArguments);
            if (!formatted.IsComplete && FirstTime(LogOnce.ArgumentsMissing, resolution.Language, key))
            {
                LocalizationLog.ArgumentsMissing(_logger, key, resolution.Language, string.Join(", ", formatted.MissingArguments));
            }

            if (!LanguageTags.SameBaseLanguage(resolution.Language, catalogLanguage)
                && FirstTime(LogOnce.FellBack, resolution.Language, key))
            {
                LocalizationLog.FellBack(_logger, key, resolution.Language, catalogLanguage);
            }

            return (formatted.Text, false, catalogLanguage);
        }

        if (FirstTime(LogOnce.KeyMissing, resolution.Language, key))
        {
            LocalizationLog.KeyMissing(_logger, key, resolution.Language);
        }

        return (NeutralText(resolution), true, null);
    }

    /// <summary>The messages of <paramref name="language"/>, and of its fallbacks when <paramref name="includeParentCultures"/>; values are the ICU source.</summary>
    internal IEnumerable<LocalizedString> GetAllStrings(string language, bool includeParentCultures)
    {
        var resolution = Catalogs.Resolve(language);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in resolution.Chain)
        {
            var own = string.Equals(link.Catalog.Language, resolution.Language, StringComparison.OrdinalIgnoreCase);
            if (!includeParentCultures && !own)
            {
                continue;
            }

            foreach (var entry in link.Catalog.Entries.Values.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                if (seen.Add(entry.Key))
                {
                    yield return new LocalizedString(entry.Key, entry.Message, false, link.Catalog.Language);
                }
            }
        }
    }

    /// <summary>Logs, once per key, that a caller passed positional arguments.</summary>
    internal void ReportPositionalArguments(string language, string key)
    {
        if (FirstTime(LogOnce.PositionalArguments, Catalogs.Resolve(language).Language, key))
        {
            LocalizationLog.PositionalArguments(_logger, key);
        }
    }

    private string NeutralText(LanguageResolution resolution)
    {
        var chain = resolution.Chain;
        for (var k = 0; k < chain.Count; k++)
        {
            var link = chain[k];
            if (link.Catalog.TryGetMessage(LocalizationConstants.MissingTextKey, out var message)
                && _formatter.GetPattern(link.Catalog.Language, LocalizationConstants.MissingTextKey, message) is { Success: true } parsed)
            {
                return _formatter.Format(link.Catalog.Language, parsed.Pattern, link.Culture, MessageArguments.None).Text;
            }
        }

        return LocalizationConstants.GenericMissingText;
    }

    // Keys come from code and languages are resolved to known ones, so the set of reported pairs stays bounded.
    private bool FirstTime(LogOnce logEvent, string language, string key) => _reported.TryAdd((logEvent, language, key), 0);
}
