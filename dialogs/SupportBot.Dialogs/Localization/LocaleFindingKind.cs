namespace SupportBot.Dialogs.Localization;

/// <summary>What a <see cref="LocaleFinding"/> is about; stable, so CI output and tests need not match message text.</summary>
internal enum LocaleFindingKind
{
    /// <summary>The file is not UTF-8, not JSON, or not a flat JSON object.</summary>
    InvalidJson,

    /// <summary>A key is defined twice, in one file or across files of a language.</summary>
    DuplicateKey,

    /// <summary>A key does not match <c>^[a-z0-9]+([._-][a-z0-9]+)*$</c>.</summary>
    InvalidKey,

    /// <summary>A value is not a string.</summary>
    InvalidValue,

    /// <summary>A message is not valid ICU MessageFormat.</summary>
    InvalidMessage,

    /// <summary>A translation uses other argument names or kinds than the source.</summary>
    ArgumentMismatch,

    /// <summary>A translation's select has a key the source does not have.</summary>
    UnknownSelectKey,

    /// <summary>A plural lacks a category the language's CLDR rules have.</summary>
    PluralCategoryMissing,

    /// <summary>A plural has a category the language's CLDR rules never select (e.g. <c>few</c> in English).</summary>
    PluralCategoryUnused,

    /// <summary>A key of the source language cannot be found in a language or its fallbacks before <c>en</c>.</summary>
    MissingKey,

    /// <summary>A key exists in a language but not in the source language.</summary>
    OrphanKey,

    /// <summary>A language folder or fallback is not a language .NET knows, or <c>languages.json</c> is malformed.</summary>
    InvalidLanguage,

    /// <summary>A language folder is not listed in <c>languages.json</c>, or a listed language has no folder.</summary>
    UnlistedLanguage,

    /// <summary>Required data is missing: the source catalog, <c>languages.json</c> or CLDR files.</summary>
    MissingData,

    /// <summary>A country profile is not JSON, breaks its schema, or fails a cross-check of its own data (time zone, phone rules).</summary>
    InvalidCountryProfile,

    /// <summary>A country profile disagrees with the catalogs: an offered language incomplete, a legal key missing.</summary>
    CountryLanguageIncomplete,

    /// <summary>An intent has too few (or no) recognizer examples in a language.</summary>
    RecognizerExamples,

    /// <summary>Markup (<c>**bold**</c>, links) of a translation differs from the source.</summary>
    MarkupMismatch,

    /// <summary>A key used in code is not in the source language.</summary>
    UnknownKeyInCode,

    /// <summary>A source key that no code, profile or tool refers to.</summary>
    UnusedKey,

    /// <summary>A message fails to render with sample numbers.</summary>
    RenderFailed,

    /// <summary>An overlay (fr-CA) has a key its base language (fr) does not.</summary>
    OverlayKey,
}
