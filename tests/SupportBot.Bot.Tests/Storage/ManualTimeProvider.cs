namespace SupportBot.Bot.Tests.Storage;

/// <summary>A clock that stands still until a test moves it (FakeTimeProvider is not among the packages).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
