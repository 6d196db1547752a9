namespace SupportBot.Dialogs.Localization;

/// <summary>What loading the localisation data produced: a usable snapshot and everything found wrong on the way.</summary>
/// <param name="Catalogs">The snapshot, built from whatever could be read.</param>
/// <param name="Findings">Structural problems: bad JSON, duplicate or malformed keys, missing or malformed metadata.</param>
internal sealed record LocaleCatalogLoadResult(LocaleCatalogSet Catalogs, IReadOnlyList<LocaleFinding> Findings)
{
    /// <summary>Whether any finding is an error.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == LocaleFindingSeverity.Error);
}
