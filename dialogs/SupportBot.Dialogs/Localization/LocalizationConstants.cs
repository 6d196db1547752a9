namespace SupportBot.Dialogs.Localization;

/// <summary>Fixed names of the localisation data layout and its defaults.</summary>
/// <remarks>One place, so that the loader, the validator and the <c>locales check</c> command agree on the layout of <c>locales/</c>.</remarks>
internal static class LocalizationConstants
{
    /// <summary>The source language: every key exists here first, and it ends every fallback chain.</summary>
    public const string SourceLanguage = "en";

    /// <summary>The neutral message shown instead of a message that exists in no language of the chain.</summary>
    public const string MissingTextKey = "error.text-missing";

    /// <summary>The last resort when even <see cref="MissingTextKey"/> is missing: neutral, and never a raw key.</summary>
    public const string GenericMissingText = "Sorry, this message can't be shown right now. Please try again in a moment.";

    /// <summary>The folder of data that is not a language, under the locales root.</summary>
    public const string MetaFolder = "_meta";

    /// <summary>Language metadata (name, native name, direction, fallback chain), relative to <see cref="MetaFolder"/>.</summary>
    public const string LanguagesFile = "languages.json";

    /// <summary>CLDR cardinal plural rules, relative to <see cref="MetaFolder"/>.</summary>
    public const string PluralsFile = "cldr/plurals.json";

    /// <summary>CLDR ordinal plural rules, relative to <see cref="MetaFolder"/>.</summary>
    public const string OrdinalsFile = "cldr/ordinals.json";

    /// <summary>CLDR parent locales (es-MX → es-419), relative to <see cref="MetaFolder"/>.</summary>
    public const string ParentLocalesFile = "cldr/parentLocales.json";

    /// <summary>
    /// Catalog folders also hold recognizer data: training examples (<c>intents*.json</c>) and command words
    /// (<c>commands*.json</c>), plus phrase lists for redaction (<c>redaction*.json</c>) and refused claims (<c>claims*.json</c>); those are not messages.
    /// </summary>
    public static readonly string[] NonCatalogFilePrefixes = ["intents", "commands", "redaction", "claims"];

    /// <summary>Whether a file of a language folder holds catalog messages.</summary>
    public static bool IsCatalogFile(string fileName) =>
        !NonCatalogFilePrefixes.Any(prefix => fileName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
