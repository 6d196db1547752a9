using System.Collections.Concurrent;
using System.Text.Json;

namespace SupportBot.Dialogs.Localization;

/// <summary>CLDR plural rules for every locale in the data, cardinal (<c>plural</c>) and ordinal (<c>selectordinal</c>).</summary>
/// <remarks>
/// <para>
/// The rules are data, read from CLDR's <c>plurals.json</c> and <c>ordinals.json</c> (carried in
/// <c>locales/_meta/cldr/</c>), so a new language needs no code. A locale without its own rules inherits its parent's:
/// <c>parentLocales.json</c> first (pt-AO → pt-PT, whose rules differ from pt), then truncation (fr-CA → fr), and a
/// locale CLDR does not know at all gets <see cref="PluralRuleSet.OtherOnly"/>.
/// </para>
/// <para>Lookups are cached per requested tag, so the per-message cost is one dictionary read.</para>
/// </remarks>
/// <threadsafety>Immutable data plus a concurrent cache; safe to share as a singleton.</threadsafety>
internal sealed class PluralRules
{
    private const string CardinalSection = "plurals-type-cardinal";
    private const string OrdinalSection = "plurals-type-ordinal";
    private const int MaxCachedTags = 1024;

    private readonly Dictionary<string, PluralRuleSet> _cardinal;
    private readonly Dictionary<string, PluralRuleSet> _ordinal;
    private readonly ConcurrentDictionary<string, PluralRuleSet> _cardinalCache = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, PluralRuleSet> _ordinalCache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the rules from already compiled rule sets.</summary>
    /// <param name="cardinal">Cardinal rule sets by CLDR locale.</param>
    /// <param name="ordinal">Ordinal rule sets by CLDR locale.</param>
    /// <param name="parentLocales">CLDR parent locales (child → parent); may be empty.</param>
    public PluralRules(
        IEnumerable<PluralRuleSet> cardinal,
        IEnumerable<PluralRuleSet> ordinal,
        IReadOnlyDictionary<string, string> parentLocales)
    {
        ArgumentNullException.ThrowIfNull(cardinal);
        ArgumentNullException.ThrowIfNull(ordinal);
        ArgumentNullException.ThrowIfNull(parentLocales);
        _cardinal = cardinal.ToDictionary(r => r.Locale, StringComparer.OrdinalIgnoreCase);
        _ordinal = ordinal.ToDictionary(r => r.Locale, StringComparer.OrdinalIgnoreCase);
        ParentLocales = new Dictionary<string, string>(parentLocales, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Rules that know no locale: every number is <c>other</c>. For tests and for a missing data folder.</summary>
    public static PluralRules Empty { get; } = new([], [], new Dictionary<string, string>());

    /// <summary>The locales with their own cardinal rules.</summary>
    public IReadOnlyCollection<string> CardinalLocales => _cardinal.Keys;

    /// <summary>The locales with their own ordinal rules.</summary>
    public IReadOnlyCollection<string> OrdinalLocales => _ordinal.Keys;

    /// <summary>CLDR parent locales, child → parent, case-insensitive.</summary>
    public IReadOnlyDictionary<string, string> ParentLocales { get; }

    /// <summary>Reads CLDR JSON: the text of <c>plurals.json</c>, <c>ordinals.json</c> and <c>parentLocales.json</c>.</summary>
    /// <param name="pluralsJson">CLDR <c>plurals.json</c>, or null for none.</param>
    /// <param name="ordinalsJson">CLDR <c>ordinals.json</c>, or null for none.</param>
    /// <param name="parentLocalesJson">CLDR <c>parentLocales.json</c>, or null for none.</param>
    /// <exception cref="FormatException">The JSON does not have CLDR's shape or a rule is malformed.</exception>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static PluralRules FromCldrJson(string? pluralsJson, string? ordinalsJson, string? parentLocalesJson)
    {
        var parents = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (parentLocalesJson is not null)
        {
            using var document = JsonDocument.Parse(parentLocalesJson);
            if (document.RootElement.TryGetProperty("supplemental", out var supplemental)
                && supplemental.TryGetProperty("parentLocales", out var section)
                && section.TryGetProperty("parentLocale", out var map))
            {
                foreach (var entry in map.EnumerateObject())
                {
                    parents[entry.Name] = entry.Value.GetString() ?? string.Empty;
                }
            }
            else
            {
                throw new FormatException("parentLocales.json has no supplemental.parentLocales.parentLocale object.");
            }
        }

        return new PluralRules(ReadSection(pluralsJson, CardinalSection), ReadSection(ordinalsJson, OrdinalSection), parents);
    }

    /// <summary>The cardinal rules that apply to <paramref name="language"/>, inherited from a parent if needed.</summary>
    public PluralRuleSet GetCardinalRules(string language) => Resolve(language, _cardinal, _cardinalCache);

    /// <summary>The ordinal rules that apply to <paramref name="language"/>, inherited from a parent if needed.</summary>
    public PluralRuleSet GetOrdinalRules(string language) => Resolve(language, _ordinal, _ordinalCache);

    /// <summary>The cardinal category of <paramref name="operands"/> in <paramref name="language"/>.</summary>
    public PluralCategory SelectCardinal(string language, in PluralOperands operands) => GetCardinalRules(language).Select(operands);

    /// <summary>The ordinal category of <paramref name="operands"/> in <paramref name="language"/>.</summary>
    public PluralCategory SelectOrdinal(string language, in PluralOperands operands) => GetOrdinalRules(language).Select(operands);

    private static List<PluralRuleSet> ReadSection(string? json, string sectionName)
    {
        var sets = new List<PluralRuleSet>();
        if (json is null)
        {
            return sets;
        }

        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("supplemental", out var supplemental)
            || !supplemental.TryGetProperty(sectionName, out var section)
            || section.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"The CLDR file has no supplemental.{sectionName} object.");
        }

        foreach (var locale in section.EnumerateObject())
        {
            var rules = locale.Value.EnumerateObject()
                .Select(r => new KeyValuePair<string, string>(r.Name, r.Value.GetString() ?? string.Empty));
            sets.Add(PluralRuleSet.FromCldr(locale.Name, rules));
        }

        return sets;
    }

    private PluralRuleSet Resolve(
        string language,
        Dictionary<string, PluralRuleSet> rules,
        ConcurrentDictionary<string, PluralRuleSet> cache)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (cache.TryGetValue(language, out var cached))
        {
            return cached;
        }

        var resolved = PluralRuleSet.OtherOnly;
        for (string? tag = LanguageTags.Normalize(language); tag is not null; tag = LanguageTags.GetParent(tag, ParentLocales))
        {
            if (rules.TryGetValue(tag, out var found))
            {
                resolved = found;
                break;
            }
        }

        // Tags come from users and channels; cap the cache so odd tags cannot grow it without bound.
        if (cache.Count < MaxCachedTags)
        {
            cache.TryAdd(language, resolved);
        }

        return resolved;
    }
}
