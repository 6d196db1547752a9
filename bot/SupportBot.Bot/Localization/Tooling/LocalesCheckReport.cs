using SupportBot.Dialogs.Localization;

namespace SupportBot.Bot.Localization.Tooling;

/// <summary>The findings of one <see cref="LocalesCheck"/> run and what was checked.</summary>
internal sealed record LocalesCheckReport(IReadOnlyList<LocaleFinding> Findings, int Languages, int Countries)
{
    public int Errors => Findings.Count(f => f.Severity == LocaleFindingSeverity.Error);

    public int Warnings => Findings.Count(f => f.Severity == LocaleFindingSeverity.Warning);

    /// <summary>One line per finding: severity, file, key, what is wrong and how to fix it.</summary>
    public static string Line(LocaleFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return $"{finding} [{finding.Kind}]{Fix(finding)}";
    }

    /// <summary>A fix where the message does not already say one.</summary>
    private static string Fix(LocaleFinding finding) => finding.Kind switch
    {
        LocaleFindingKind.MissingKey => $" → fix: translate it in {finding.File} (in the file named as in en/)",
        LocaleFindingKind.OrphanKey => " → fix: remove the key, or add it to en first",
        LocaleFindingKind.InvalidMessage => " → fix: correct the ICU syntax (balanced braces, 'other' branch, quotes as '')",
        LocaleFindingKind.ArgumentMismatch => " → fix: use exactly the source's {argument} names; never translate them",
        LocaleFindingKind.PluralCategoryMissing => " → fix: add the missing plural branches (see locales/_meta/cldr/plurals.json)",
        LocaleFindingKind.PluralCategoryUnused => " → fix: remove the branch the language never selects",
        LocaleFindingKind.UnknownSelectKey => " → fix: use only the source's select keys",
        LocaleFindingKind.InvalidJson or LocaleFindingKind.DuplicateKey or LocaleFindingKind.InvalidKey or LocaleFindingKind.InvalidValue =>
            " → fix: a flat UTF-8 JSON object of \"namespace.area.item\": \"text\", each key once",
        LocaleFindingKind.InvalidLanguage or LocaleFindingKind.UnlistedLanguage =>
            " → fix: use a code .NET knows and list it in locales/_meta/languages.json (supportbot locales add --language xx)",
        _ => string.Empty,
    };
}
