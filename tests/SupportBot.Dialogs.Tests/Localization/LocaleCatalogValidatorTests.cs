using SupportBot.Dialogs.Localization;
using Xunit;

namespace SupportBot.Dialogs.Tests.Localization;

public sealed class LocaleCatalogValidatorTests
{
    private const string English = """
        {
          "chat.greeting": "Hello {name}!",
          "case.count": "{count, plural, =0 {No cases.} one {# case.} other {# cases.}}",
          "verify.sent": "{channel, select, sms {Text sent.} other {Message sent.}}"
        }
        """;

    private readonly LocaleCatalogValidator _validator = new();

    [Fact]
    public void Validate_ConsistentData_HasNoFindings()
    {
        var findings = Validate(
            ("en/chat.json", English),
            ("fr/chat.json", """
                {
                  "chat.greeting": "Bonjour {name} !",
                  "case.count": "{count, plural, =0 {Aucun dossier.} one {# dossier.} many {# de dossiers.} other {# dossiers.}}",
                  "verify.sent": "{channel, select, sms {SMS envoyé.} other {Message envoyé.}}"
                }
                """),
            ("fr-CA/chat.json", """{ "chat.greeting": "Allô {name}!" }"""));

        // Only the listed languages without a folder yet (ar, de) are reported, as warnings.
        Assert.Equal(["ar", "de"], findings.Select(f => f.Key));
        Assert.All(findings, f => Assert.Equal((LocaleFindingKind.UnlistedLanguage, LocaleFindingSeverity.Warning), (f.Kind, f.Severity)));
    }

    [Fact]
    public void Validate_InvalidIcu_ReportsFileKeyAndPosition()
    {
        var findings = Validate(("en/chat.json", """{ "chat.greeting": "Hello {name" }"""));

        var finding = Assert.Single(findings, f => f.Kind == LocaleFindingKind.InvalidMessage);
        Assert.Equal(("en/chat.json", "chat.greeting", LocaleFindingSeverity.Error), (finding.File, finding.Key, finding.Severity));
        Assert.Contains("at position 11", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PluralWithoutOther_IsAnError()
    {
        var findings = Validate(("en/chat.json", """{ "case.count": "{count, plural, one {# case.}}" }"""));

        var finding = Assert.Single(findings, f => f.Key == "case.count");
        Assert.Equal(LocaleFindingKind.InvalidMessage, finding.Kind);
        Assert.Contains("'other'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ArgumentNamesDifferFromTheSource_AreErrors()
    {
        var findings = Validate(
            ("en/chat.json", English),
            ("de/chat.json", """{ "chat.greeting": "Hallo {nombre}!" }"""));

        var mismatches = findings.Where(f => f.Kind == LocaleFindingKind.ArgumentMismatch).Select(f => f.Message).ToList();
        Assert.Equal(2, mismatches.Count);
        Assert.Contains(mismatches, m => m.Contains("'{nombre}' is not in the source", StringComparison.Ordinal));
        Assert.Contains(mismatches, m => m.Contains("'{name}' of the source message is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ArgumentKindDiffersFromTheSource_IsAnError()
    {
        var findings = Validate(
            ("en/chat.json", English),
            ("de/chat.json", """{ "case.count": "{count} Fälle." }"""));

        var finding = Assert.Single(findings, f => f.Kind == LocaleFindingKind.ArgumentMismatch);
        Assert.Contains("used as a value but the source uses it as a plural", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SelectKeyTheSourceLacks_IsAnError()
    {
        var findings = Validate(
            ("en/chat.json", English),
            ("de/chat.json", """{ "verify.sent": "{channel, select, sms {SMS.} fax {Fax.} other {Nachricht.}}" }"""));

        var finding = Assert.Single(findings, f => f.Kind == LocaleFindingKind.UnknownSelectKey);
        Assert.Contains("'fax'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ArabicPluralMissingCategories_IsAnError()
    {
        var findings = Validate(
            ("en/chat.json", English),
            ("ar/chat.json", """{ "case.count": "{count, plural, one {قضية واحدة} other {# قضايا}}" }"""));

        var finding = Assert.Single(findings, f => f.Kind == LocaleFindingKind.PluralCategoryMissing);
        Assert.Equal(("ar/chat.json", LocaleFindingSeverity.Error), (finding.File, finding.Severity));
        Assert.Contains("lacks zero, two, few, many", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FrenchPluralWithoutMany_IsAnError()
    {
        var findings = Validate(
            ("en/chat.json", English),
            ("fr/chat.json", """{ "case.count": "{count, plural, one {# dossier} other {# dossiers}}" }"""));

        Assert.Contains(findings, f => f.Kind == LocaleFindingKind.PluralCategoryMissing && f.Message.Contains("lacks many", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EnglishPluralWithFew_IsAWarning()
    {
        var findings = Validate(("en/chat.json", """{ "case.count": "{count, plural, one {#} few {#} other {#}}" }"""));

        var finding = Assert.Single(findings, f => f.Kind == LocaleFindingKind.PluralCategoryUnused);
        Assert.Equal(LocaleFindingSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void Validate_EnglishSelectOrdinal_IsCheckedAgainstOrdinalCategories()
    {
        var findings = Validate(("en/chat.json", """{ "rank": "{n, selectordinal, one {#st} other {#th}}" }"""));

        Assert.Contains(findings, f => f.Kind == LocaleFindingKind.PluralCategoryMissing && f.Message.Contains("lacks two, few", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingKey_IsAWarningForDraftAndAnErrorForCompleteLanguages()
    {
        (string, string)[] files = [("en/chat.json", English), ("de/chat.json", """{ "chat.greeting": "Hallo {name}!" }""")];

        var draft = Validate(files);
        var complete = new LocaleCatalogValidator(new LocaleValidationOptions { CompleteLanguages = ["de"] })
            .Validate(TestLocales.Source(files));

        Assert.Equal(2, draft.Count(f => f is { Kind: LocaleFindingKind.MissingKey, Severity: LocaleFindingSeverity.Warning, File: "de/" }));
        Assert.Equal(2, complete.Count(f => f is { Kind: LocaleFindingKind.MissingKey, Severity: LocaleFindingSeverity.Error, File: "de/" }));
    }

    [Fact]
    public void Validate_OverlayLanguage_NeedsOnlyKeysItsBaseLacks()
    {
        var findings = Validate(
            ("en/chat.json", """{ "a": "A", "b": "B" }"""),
            ("fr/chat.json", """{ "a": "A fr" }"""),
            ("fr-CA/chat.json", """{ "a": "A ca" }"""));

        var missing = findings.Where(f => f.Kind == LocaleFindingKind.MissingKey).Select(f => (f.File, f.Key)).ToList();
        Assert.Equal([("fr-CA/", "b"), ("fr/", "b")], missing);
    }

    [Fact]
    public void Validate_KeyOnlyInATranslation_IsAnOrphanError()
    {
        var findings = Validate(("en/chat.json", """{ "a": "A" }"""), ("fr/chat.json", """{ "a": "A", "z": "Z" }"""));

        var finding = Assert.Single(findings, f => f.Kind == LocaleFindingKind.OrphanKey);
        Assert.Equal(("fr/chat.json", "z"), (finding.File, finding.Key));
    }

    [Fact]
    public void Validate_FolderNotInLanguagesJson_IsAnError()
    {
        var findings = Validate(("en/chat.json", """{ "a": "A" }"""), ("es/chat.json", """{ "a": "A" }"""));

        Assert.Contains(findings, f => f is { Kind: LocaleFindingKind.UnlistedLanguage, File: "es/", Severity: LocaleFindingSeverity.Error });
    }

    [Fact]
    public void Validate_NoSourceCatalog_IsAnError()
    {
        var findings = Validate(("fr/chat.json", """{ "a": "A" }"""));

        Assert.Contains(findings, f => f is { Kind: LocaleFindingKind.MissingData, File: "en/", Severity: LocaleFindingSeverity.Error });
    }

    [Fact]
    public void Validate_Findings_AreSortedByFileThenKey()
    {
        var findings = Validate(
            ("en/chat.json", """{ "b": "{x", "a": "{y" }"""),
            ("de/chat.json", """{ "b": "{x" }"""));

        Assert.Equal(findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal), findings);
    }

    private IReadOnlyList<LocaleFinding> Validate(params (string Path, string Json)[] files) =>
        _validator.Validate(TestLocales.Source(files));
}
