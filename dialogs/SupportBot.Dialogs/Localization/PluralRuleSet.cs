namespace SupportBot.Dialogs.Localization;

/// <summary>The compiled plural rules of one locale and one plural type (cardinal or ordinal).</summary>
/// <remarks>
/// CLDR rules of a locale are mutually exclusive, so the order of evaluation does not change the result; they are
/// tried in canonical order (zero … many) and a number matching none of them is <see cref="PluralCategory.Other"/>.
/// </remarks>
/// <threadsafety>Immutable; safe to share.</threadsafety>
internal sealed class PluralRuleSet
{
    private const string RuleKeyPrefix = "pluralRule-count-";

    // Invariant: sorted by category, never contains Other (Other is what is left).
    private readonly (PluralCategory Category, PluralCondition Condition)[] _rules;

    /// <summary>Creates the rule set of <paramref name="locale"/> from compiled conditions.</summary>
    /// <param name="locale">The CLDR locale the rules belong to, e.g. <c>fr</c> or <c>pt-PT</c>.</param>
    /// <param name="rules">One condition per category; the condition of <see cref="PluralCategory.Other"/>, if given, is ignored.</param>
    public PluralRuleSet(string locale, IEnumerable<KeyValuePair<PluralCategory, PluralCondition>> rules)
    {
        ArgumentNullException.ThrowIfNull(locale);
        ArgumentNullException.ThrowIfNull(rules);
        Locale = locale;
        _rules = [.. rules
            .Where(r => r.Key != PluralCategory.Other)
            .OrderBy(r => r.Key)
            .Select(r => (r.Key, r.Value))];
        Categories = [.. _rules.Select(r => r.Category), PluralCategory.Other];
    }

    /// <summary>The rules of a language with no plural distinctions (Indonesian, Japanese…): everything is <c>other</c>.</summary>
    public static PluralRuleSet OtherOnly { get; } = new("und", []);

    /// <summary>The CLDR locale these rules were read for.</summary>
    public string Locale { get; }

    /// <summary>The categories this locale distinguishes, in canonical order; always ends with <see cref="PluralCategory.Other"/>.</summary>
    public IReadOnlyList<PluralCategory> Categories { get; }

    /// <summary>Reads the rules of one locale as they appear in CLDR JSON (<c>"pluralRule-count-one": "i = 1 and v = 0 @integer 1"</c>).</summary>
    /// <exception cref="FormatException">A key is not a known category or a rule is malformed.</exception>
    public static PluralRuleSet FromCldr(string locale, IEnumerable<KeyValuePair<string, string>> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var compiled = new List<KeyValuePair<PluralCategory, PluralCondition>>();
        foreach (var (key, rule) in rules)
        {
            if (!key.StartsWith(RuleKeyPrefix, StringComparison.Ordinal)
                || !PluralCategories.TryParse(key.AsSpan(RuleKeyPrefix.Length), out var category))
            {
                throw new FormatException($"'{key}' in the plural rules of '{locale}' is not a pluralRule-count-<category> key.");
            }

            compiled.Add(new(category, PluralCondition.Parse(rule)));
        }

        return new PluralRuleSet(locale, compiled);
    }

    /// <summary>The category of the number described by <paramref name="operands"/>.</summary>
    public PluralCategory Select(in PluralOperands operands)
    {
        foreach (var (category, condition) in _rules)
        {
            if (condition.Matches(operands))
            {
                return category;
            }
        }

        return PluralCategory.Other;
    }

    /// <summary>Whether this locale distinguishes <paramref name="category"/>.</summary>
    public bool Has(PluralCategory category) => category == PluralCategory.Other || Array.Exists(_rules, r => r.Category == category);
}
