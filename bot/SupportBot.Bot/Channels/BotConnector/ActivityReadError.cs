namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>Why a request body is not an activity the endpoint can run.</summary>
internal enum ActivityReadError
{
    None,
    TooLarge,
    InvalidUtf8,
    MalformedJson,
    MissingType,
}
