using System.Text.Json;
using SupportBot.Dialogs.Localization;
using Xunit;

namespace SupportBot.Dialogs.Tests.Localization;

public sealed class PluralRulesTests
{
    public static TheoryData<string> CardinalLocales => LocalesOf("plurals.json", "plurals-type-cardinal");

    public static TheoryData<string> OrdinalLocales => LocalesOf("ordinals.json", "plurals-type-ordinal");

    [Theory]
    [MemberData(nameof(CardinalLocales))]
    public void SelectCardinal_EveryCldrSample_SelectsItsOwnCategory(string locale)
    {
        var failures = SampleFailures("plurals.json", "plurals-type-cardinal", locale, TestLocales.Rules.GetCardinalRules);

        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(OrdinalLocales))]
    public void SelectOrdinal_EveryCldrSample_SelectsItsOwnCategory(string locale)
    {
        var failures = SampleFailures("ordinals.json", "plurals-type-ordinal", locale, TestLocales.Rules.GetOrdinalRules);

        Assert.Empty(failures);
    }

    [Fact]
    public void FromCldrJson_ShippedData_HasEveryLaunchLanguage()
    {
        string[] launch = ["en", "fr", "es", "pt", "de", "it", "ar", "hi", "ur", "bn", "fil", "id", "tr", "sw", "ha"];

        Assert.All(launch, l => Assert.Contains(l, TestLocales.Rules.CardinalLocales));
        Assert.Equal(224, TestLocales.Rules.CardinalLocales.Count);
        Assert.Equal(108, TestLocales.Rules.OrdinalLocales.Count);
    }

    [Theory]
    [InlineData("0", "zero")]
    [InlineData("1", "one")]
    [InlineData("2", "two")]
    [InlineData("3", "few")]
    [InlineData("10", "few")]
    [InlineData("103", "few")]
    [InlineData("11", "many")]
    [InlineData("99", "many")]
    [InlineData("100", "other")]
    [InlineData("102", "other")]
    [InlineData("0.5", "other")]
    public void SelectCardinal_Arabic_UsesAllSixCategories(string number, string expected)
    {
        Assert.Equal(expected, TestLocales.Rules.SelectCardinal("ar", PluralOperands.Parse(number)).ToKeyword());
        Assert.Equal(6, TestLocales.Rules.GetCardinalRules("ar").Categories.Count);
    }

    [Theory]
    [InlineData("0", "one")]
    [InlineData("1.5", "one")]
    [InlineData("2", "other")]
    [InlineData("1000", "other")]
    [InlineData("1000000", "many")]
    [InlineData("2000000", "many")]
    [InlineData("1c6", "many")]
    [InlineData("1000001", "other")]
    public void SelectCardinal_French_IsManyForExactMillions(string number, string expected)
    {
        Assert.Equal(expected, TestLocales.Rules.SelectCardinal("fr", PluralOperands.Parse(number)).ToKeyword());
    }

    [Theory]
    [InlineData("1", "one")]
    [InlineData("1.0", "other")]
    [InlineData("1.00", "other")]
    [InlineData("0", "other")]
    [InlineData("2", "other")]
    public void SelectCardinal_EnglishOnePointZero_IsOtherBecauseVisibleDigitsCount(string number, string expected)
    {
        Assert.Equal(expected, TestLocales.Rules.SelectCardinal("en", PluralOperands.Parse(number)).ToKeyword());
    }

    [Fact]
    public void SelectCardinal_DecimalWithScale_UsesVisibleFractionDigits()
    {
        Assert.Equal(PluralCategory.One, TestLocales.Rules.SelectCardinal("en", PluralOperands.From(1m)));
        Assert.Equal(PluralCategory.Other, TestLocales.Rules.SelectCardinal("en", PluralOperands.From(1.0m)));
    }

    [Theory]
    [InlineData("fr-CA", "fr")]
    [InlineData("fr_CA", "fr")]
    [InlineData("pt-AO", "pt-PT")]
    [InlineData("pt-BR", "pt")]
    [InlineData("es-MX", "es")]
    [InlineData("AR-sa", "ar")]
    public void GetCardinalRules_RegionalTag_InheritsFromItsCldrParent(string tag, string expectedLocale)
    {
        Assert.Equal(expectedLocale, TestLocales.Rules.GetCardinalRules(tag).Locale, ignoreCase: true);
    }

    [Fact]
    public void GetCardinalRules_UnknownLanguage_IsOtherOnly()
    {
        var rules = TestLocales.Rules.GetCardinalRules("xx-YY");

        Assert.Equal([PluralCategory.Other], rules.Categories);
        Assert.Equal(PluralCategory.Other, rules.Select(PluralOperands.From(1)));
    }

    [Theory]
    [InlineData("i = 1 and", "expected an operand")]
    [InlineData("n % 10 = ", "expected a number")]
    [InlineData("x = 1", "expected an operand")]
    [InlineData("n is 1", "expected '=' or '!='")]
    [InlineData("n = 4..2", "smaller than its start")]
    [InlineData("n % 0 = 1", "modulus must not be zero")]
    public void Parse_MalformedRule_ThrowsWithReasonAndPosition(string rule, string reason)
    {
        var error = Assert.Throws<FormatException>(() => PluralCondition.Parse(rule));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("at position", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RuleWithListsRangesAndOr_EvaluatesEveryPart()
    {
        var condition = PluralCondition.Parse("v = 0 and i % 10 = 2..4 and i % 100 != 12..14 or f = 1,5 @integer 2~4");

        Assert.True(condition.Matches(PluralOperands.Parse("22")));
        Assert.False(condition.Matches(PluralOperands.Parse("12")));
        Assert.True(condition.Matches(PluralOperands.Parse("0.5")));
        Assert.False(condition.Matches(PluralOperands.Parse("0.6")));
        Assert.Equal("v = 0 and i % 10 = 2..4 and i % 100 != 12..14 or f = 1,5", condition.Source);
    }

    private static TheoryData<string> LocalesOf(string file, string section)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Cldr, file)));
        var data = new TheoryData<string>();
        foreach (var locale in document.RootElement.GetProperty("supplemental").GetProperty(section).EnumerateObject())
        {
            data.Add(locale.Name);
        }

        return data;
    }

    private static List<string> SampleFailures(string file, string section, string locale, Func<string, PluralRuleSet> rulesFor)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Cldr, file)));
        var rules = rulesFor(locale);
        var failures = new List<string>();
        var samples = 0;
        foreach (var rule in document.RootElement.GetProperty("supplemental").GetProperty(section).GetProperty(locale).EnumerateObject())
        {
            Assert.True(PluralCategories.TryParse(rule.Name.AsSpan("pluralRule-count-".Length), out var expected), rule.Name);
            foreach (var sample in CldrSamples.Expand(rule.Value.GetString()!))
            {
                samples++;
                var actual = rules.Select(PluralOperands.Parse(sample));
                if (actual != expected)
                {
                    failures.Add($"{locale} {sample}: expected {expected.ToKeyword()}, got {actual.ToKeyword()}");
                }
            }
        }

        Assert.True(samples > 0, $"{locale} has no samples");
        return failures;
    }
}
