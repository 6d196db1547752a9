namespace SupportBot.Bot.Tests.DirectLine.TestSupport;

/// <summary>
/// A clock the test moves by hand (the package with FakeTimeProvider is not on this project's feed). Only "now" is
/// manual; timers still run on real time, which keeps keepalives and sweeps working.
/// </summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan delta) => Interlocked.Add(ref _utcTicks, delta.Ticks);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);
}
