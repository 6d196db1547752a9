namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>Every log line of the Direct Line server. None carries a secret, a token or message text.</summary>
internal static partial class DirectLineLog
{
    [LoggerMessage(1, LogLevel.Warning,
        "No DirectLine secret is configured (DirectLine:Secrets); generated a random one for this process. Tokens will not survive a restart.")]
    public static partial void GeneratedSecret(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Direct Line conversation {ConversationId} started")]
    public static partial void ConversationStarted(ILogger logger, string conversationId);

    [LoggerMessage(3, LogLevel.Error, "The bot failed a {ActivityType} turn in conversation {ConversationId}")]
    public static partial void BotFailed(ILogger logger, Exception exception, string activityType, string conversationId);

    [LoggerMessage(4, LogLevel.Warning, "The bot did not finish a {ActivityType} turn in conversation {ConversationId} within {Timeout}")]
    public static partial void BotTimedOut(ILogger logger, string activityType, string conversationId, TimeSpan timeout);

    [LoggerMessage(5, LogLevel.Error, "No IBot is registered; Direct Line cannot run turns")]
    public static partial void BotNotRegistered(ILogger logger);

    [LoggerMessage(6, LogLevel.Error, "Transcript storage failed ({Reason}) on {Path}")]
    public static partial void StorageFailed(ILogger logger, Exception exception, string reason, string path);

    [LoggerMessage(7, LogLevel.Debug, "Stream of conversation {ConversationId} opened after watermark {Watermark}")]
    public static partial void StreamOpened(ILogger logger, string conversationId, long watermark);

    [LoggerMessage(8, LogLevel.Debug, "Stream of conversation {ConversationId} closed")]
    public static partial void StreamClosed(ILogger logger, string conversationId);

    [LoggerMessage(9, LogLevel.Information, "Stream of conversation {ConversationId} replaced by a newer one")]
    public static partial void StreamCollision(ILogger logger, string conversationId);

    [LoggerMessage(10, LogLevel.Warning, "Stream of conversation {ConversationId} fell {Capacity} frames behind and was closed")]
    public static partial void StreamTooSlow(ILogger logger, string conversationId, int capacity);

    [LoggerMessage(11, LogLevel.Debug, "Stream of conversation {ConversationId} failed")]
    public static partial void StreamFailed(ILogger logger, Exception exception, string conversationId);
}
