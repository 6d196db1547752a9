using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Security.BotChallenge;

/// <summary>
/// How hard the next challenge for an address is: the base <see cref="BotChallengeOptions.MaxNumber"/>, doubled for every
/// <see cref="BotChallengeOptions.AdaptiveStep"/> challenges that address fetched in the current window, up to the ceiling.
/// A person loads the page a few times; a script asking for hundreds pays twice as much per step. Windows follow the
/// host's <see cref="TimeProvider"/>.
/// </summary>
public sealed class AdaptiveDifficulty(IOptions<BotChallengeOptions> options, TimeProvider timeProvider)
{
    // Idle addresses are forgotten every so many challenges, so one-off visitors do not pile up in memory.
    private const int SweepEvery = 1024;

    private readonly BotChallengeOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private int _issued;

    /// <summary>Counts one more challenge for <paramref name="address"/> and returns its difficulty (the max number).</summary>
    public int Next(string? address)
    {
        var now = timeProvider.GetUtcNow();
        Sweep(now);
        var window = _windows.GetOrAdd(address is { Length: > 0 } ? address : "unknown", _ => new Window());
        int before;
        lock (window)
        {
            if (now - window.Start >= _options.AdaptiveWindow)
            {
                window.Start = now;
                window.Count = 0;
            }

            before = window.Count++;
        }

        var doublings = Math.Min(before / _options.AdaptiveStep, 30);
        var maxNumber = (long)_options.MaxNumber << doublings;
        return (int)Math.Min(maxNumber, _options.MaxNumberCeiling);
    }

    private void Sweep(DateTimeOffset now)
    {
        if (Interlocked.Increment(ref _issued) % SweepEvery != 0)
        {
            return;
        }

        foreach (var (key, window) in _windows)
        {
            bool idle;
            lock (window)
            {
                idle = now - window.Start >= _options.AdaptiveWindow;
            }

            if (idle)
            {
                _windows.TryRemove(key, out _);
            }
        }
    }

    private sealed class Window
    {
        public DateTimeOffset Start { get; set; } = DateTimeOffset.MinValue;

        public int Count { get; set; }
    }
}
