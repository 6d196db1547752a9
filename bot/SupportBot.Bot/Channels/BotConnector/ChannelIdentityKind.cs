namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>Who is calling <c>/api/messages</c>.</summary>
internal enum ChannelIdentityKind
{
    /// <summary>No app id is configured, so nobody is checked (local use).</summary>
    Anonymous,

    /// <summary>An Azure Bot Service channel, with a token from login.botframework.com.</summary>
    Channel,

    /// <summary>The Emulator or another AAD client holding the bot's own credentials.</summary>
    Emulator,
}
