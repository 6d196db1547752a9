namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>An outbound access token and the moment it should be replaced.</summary>
internal sealed record ConnectorToken(string AccessToken, DateTimeOffset RefreshAt);
