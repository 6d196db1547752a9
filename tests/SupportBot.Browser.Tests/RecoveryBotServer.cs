namespace SupportBot.Browser.Tests;

/// <summary>The whole product on Kestrel: the real recovery bot, SQLite, the demo accounts and the demo outbox.</summary>
public sealed class RecoveryBotServer() : BrowserBotServer(bot: null);
