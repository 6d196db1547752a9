namespace SupportBot.Dialogs.Localization;

/// <summary>The localisation data has errors that make it unsafe to serve (bad JSON, duplicate keys, missing CLDR data).</summary>
/// <remarks>
/// Thrown at startup only, by <see cref="JsonStringLocalizerFactory"/>: a duplicate key means one of two texts would be
/// shown at random, which is worse than not starting. CI's <c>locales check</c> reports the same findings earlier.
/// </remarks>
internal sealed class LocaleCatalogException : Exception
{
    private const int MaxListed = 20;

    /// <summary>Creates the exception listing <paramref name="findings"/>.</summary>
    public LocaleCatalogException(IReadOnlyList<LocaleFinding> findings)
        : base(Describe(findings))
    {
        Findings = findings;
    }

    /// <summary>Every finding, errors and warnings.</summary>
    public IReadOnlyList<LocaleFinding> Findings { get; }

    private static string Describe(IReadOnlyList<LocaleFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var errors = findings.Where(f => f.Severity == LocaleFindingSeverity.Error).ToList();
        var lines = errors.Take(MaxListed).Select(f => "  " + f);
        var more = errors.Count > MaxListed ? $"{Environment.NewLine}  … and {errors.Count - MaxListed} more" : string.Empty;
        return $"The localisation data has {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{more}";
    }
}
