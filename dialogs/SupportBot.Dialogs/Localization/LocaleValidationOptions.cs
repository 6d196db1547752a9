namespace SupportBot.Dialogs.Localization;

/// <summary>Options of <see cref="LocaleCatalogValidator"/>.</summary>
/// <remarks>
/// The validator does not read country profiles; the <c>locales check</c> command passes the languages of
/// <c>pilot</c> and <c>live</c> countries as <see cref="CompleteLanguages"/> (docs/localization.md §6, check 3).
/// </remarks>
internal sealed record LocaleValidationOptions
{
    /// <summary>The language translations are compared with.</summary>
    /// <value>The default is <c>en</c>.</value>
    public string SourceLanguage { get; init; } = LocalizationConstants.SourceLanguage;

    /// <summary>Languages in which a missing key is an error; elsewhere (draft languages) it is a warning.</summary>
    /// <value>The default is none.</value>
    public IReadOnlyCollection<string> CompleteLanguages { get; init; } = [];
}
