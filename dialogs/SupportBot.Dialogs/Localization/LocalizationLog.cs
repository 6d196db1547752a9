using Microsoft.Extensions.Logging;

namespace SupportBot.Dialogs.Localization;

/// <summary>The log events of the localisation engine, source-generated so that a hot path pays nothing when disabled.</summary>
/// <remarks>
/// The per-message events are raised once per (language, key) by <see cref="JsonStringLocalizerFactory"/>: at thousands
/// of turns per second a missing key would otherwise drown every other log line. Event IDs are stable for dashboards
/// ("watch the missing-key and fallback logs" during a country rollout).
/// </remarks>
internal static partial class LocalizationLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Message '{Key}' is missing in '{Language}' and all of its fallback languages; a neutral text was shown instead.")]
    public static partial void KeyMissing(ILogger logger, string key, string language);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Message '{Key}' in '{Language}' was formatted without argument(s) {Arguments}; placeholders were shown.")]
    public static partial void ArgumentsMissing(ILogger logger, string key, string language, string arguments);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error,
        Message = "Message '{Key}' in '{CatalogLanguage}' is not valid ICU MessageFormat and was skipped for its fallback: {Reason}")]
    public static partial void MessageInvalid(ILogger logger, string key, string catalogLanguage, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information,
        Message = "Message '{Key}' is not translated into '{Language}'; it was served in '{CatalogLanguage}'.")]
    public static partial void FellBack(ILogger logger, string key, string language, string catalogLanguage);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning,
        Message = "Message '{Key}' was given positional arguments, which catalogs do not support; pass an anonymous object or a dictionary of named arguments.")]
    public static partial void PositionalArguments(ILogger logger, string key);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Localisation data: {Finding}")]
    public static partial void LoadWarning(ILogger logger, string finding);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information,
        Message = "Loaded {MessageCount} messages in {CatalogCount} language catalogs.")]
    public static partial void Loaded(ILogger logger, int messageCount, int catalogCount);
}
