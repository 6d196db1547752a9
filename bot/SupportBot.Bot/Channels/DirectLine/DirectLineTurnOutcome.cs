namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>How a bot turn ended; anything but <see cref="Completed"/> gives the sender 502.</summary>
internal enum DirectLineTurnOutcome
{
    Completed,
    BotFailed,
    BotTimedOut,
    BotNotAvailable,
}
