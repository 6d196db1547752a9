namespace SupportBot.Browser.Tests;

/// <summary>
/// The host as a user runs it, on Kestrel: the real bot (RecoveryBot), SQLite in a fresh temporary data folder, the
/// demo accounts and the demo delivery sink at <c>GET /dev/outbox</c> (Development).
/// </summary>
public sealed class RecoveryBotKestrelServer : KestrelBotServer
{
    public RecoveryBotKestrelServer()
        : base(settings: null, scriptedBot: false)
    {
    }
}
