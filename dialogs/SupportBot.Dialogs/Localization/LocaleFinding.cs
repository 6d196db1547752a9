namespace SupportBot.Dialogs.Localization;

/// <summary>One problem found in the localisation data.</summary>
/// <remarks>Findings are data, not exceptions, so that one CI run reports every problem at once.</remarks>
/// <param name="File">The file, relative to the locales root (e.g. <c>fr/verify.json</c>), or a language folder (<c>fr/</c>).</param>
/// <param name="Key">The message key concerned, or null for a whole-file problem.</param>
/// <param name="Message">What is wrong, for a person.</param>
/// <param name="Severity">Whether it blocks.</param>
/// <param name="Kind">The category of problem.</param>
internal sealed record LocaleFinding(
    string File,
    string? Key,
    string Message,
    LocaleFindingSeverity Severity,
    LocaleFindingKind Kind)
{
    /// <summary>One line for a console: <c>error fr/verify.json verify.code.sent: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == LocaleFindingSeverity.Error ? "error" : "warning";
        return Key is null ? $"{severity} {File}: {Message}" : $"{severity} {File} {Key}: {Message}";
    }
}
