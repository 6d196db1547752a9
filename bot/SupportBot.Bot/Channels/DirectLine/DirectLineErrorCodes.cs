namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// Error codes in <c>error.code</c>: the first five and the Bot* ones are the Bot Framework's own, the rest name
/// cases the Bot Framework leaves to the HTTP status.
/// </summary>
internal static class DirectLineErrorCodes
{
    public const string BadArgument = "BadArgument";
    public const string BadSyntax = "BadSyntax";
    public const string MessageSizeTooBig = "MessageSizeTooBig";
    public const string MissingProperty = "MissingProperty";
    public const string ServiceError = "ServiceError";
    public const string BotRejectedActivity = "BotRejectedActivity";
    public const string BotNotAvailable = "BotNotAvailable";
    public const string BotTimeout = "BotTimeout";
    public const string Unauthorized = "Unauthorized";
    public const string TokenInvalid = "TokenInvalid";
    public const string Forbidden = "Forbidden";
    public const string ConversationNotFound = "ConversationNotFound";
    public const string AttachmentsNotSupported = "AttachmentsNotSupported";
    public const string TooManyRequests = "TooManyRequests";
}
