namespace SupportBot.Dialogs.Localization;

/// <summary>How serious a <see cref="LocaleFinding"/> is.</summary>
internal enum LocaleFindingSeverity
{
    /// <summary>Worth fixing, but the data works (an unused plural category, a missing key in a draft language).</summary>
    Warning,

    /// <summary>Blocks CI; the runtime refuses to load structural errors (bad JSON, duplicate keys).</summary>
    Error,
}
