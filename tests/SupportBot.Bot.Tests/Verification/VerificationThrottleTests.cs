using SupportBot.Bot.Storage;
using SupportBot.Bot.Verification;
using Xunit;

namespace SupportBot.Bot.Tests.Verification;

/// <summary>docs/security.md C4–C5: backoff from 30 s doubling to 1 h, the slow path after 20, never a permanent lock.</summary>
public sealed class VerificationThrottleTests
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly VerificationThrottle _throttle = new(new VerificationOptions());

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void FewFailures_HoldNothingBack(int failures) =>
        Assert.Null(_throttle.HoldAt(new AccountFailures(failures, s_at), s_at));

    [Theory]
    [InlineData(5, 30)]
    [InlineData(6, 60)]
    [InlineData(7, 120)]
    [InlineData(11, 1920)]
    [InlineData(12, 3600)]
    [InlineData(19, 3600)]
    public void Backoff_DoublesFrom30SecondsUpToAnHour(int failures, int seconds)
    {
        var hold = _throttle.HoldAt(new AccountFailures(failures, s_at), s_at);

        Assert.Equal(new VerificationHold(s_at.AddSeconds(seconds), SlowPath: false), hold);
        Assert.Null(_throttle.HoldAt(new AccountFailures(failures, s_at), s_at.AddSeconds(seconds)));
    }

    [Fact]
    public void TwentyFailures_SwitchToTheSlowPathForADay_ThenBackoffResumes()
    {
        var hold = _throttle.HoldAt(new AccountFailures(20, s_at), s_at.AddHours(5));

        Assert.Equal(new VerificationHold(s_at.AddHours(24), SlowPath: true), hold);
        Assert.Null(_throttle.HoldAt(new AccountFailures(20, s_at), s_at.AddHours(24)));
    }
}
