namespace SupportBot.Bot.Tests.BotConnector;

/// <summary>A clock that moves only when told to; timers are not needed by the connector.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan delta) => _now += delta;
}
