using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Security.LookupLimits;

/// <summary>
/// Decides, before the account directory is asked, whether one more identifier lookup may run (security.md D3).
/// The answer depends only on who asks and how often, never on the identifier, so a refusal says nothing about
/// whether an account exists. Refusals are audited as <c>lookup_throttled</c> with no identifier and no address.
/// </summary>
public sealed partial class LookupRateLimiter
{
    // An idle source's window is dropped after this many acquisitions, so one-off users do not pile up in memory.
    private const int SweepEvery = 1024;

    private readonly LookupRateLimitOptions _limits;
    private readonly ConcurrentDictionary<string, ClockedSlidingWindow> _windows = new(StringComparer.Ordinal);
    private readonly ClockedSlidingWindow _global;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<LookupRateLimiter> _logger;
    private int _acquisitions;

    public LookupRateLimiter(IOptions<LookupRateLimitOptions> options, IAuditLog audit, TimeProvider timeProvider, ILogger<LookupRateLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _limits = options.Value;
        _audit = audit;
        _timeProvider = timeProvider;
        _logger = logger;
        _global = new ClockedSlidingWindow(_limits.GlobalPermitLimit, _limits.GlobalWindow, _limits.SegmentsPerWindow, timeProvider);
    }

    /// <summary>Takes one lookup permit for <paramref name="source"/>; <see langword="false"/> (and audited) when over a limit.</summary>
    /// <remarks>A refused attempt still counts against its source: hammering on a closed door keeps it closed.</remarks>
    public async Task<bool> TryAcquireAsync(LookupSource source, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        Sweep();
        var allowed = Take(source.UserId is { Length: > 0 } user ? "user:" + user : null, _limits.PerUserPermitLimit)
            & Take(source.Address is { Length: > 0 } address ? "ip:" + address : null, _limits.PerAddressPermitLimit)
            & _global.TryTake();
        if (allowed)
        {
            return true;
        }

        LogThrottled(_logger, conversationId);
        await _audit.AppendAsync(
            new AuditEvent("lookup_throttled", _timeProvider.GetUtcNow(), "bot", conversationId, null, null, JsonSerializer.Serialize(new { channel = source.ChannelId })),
            cancellationToken);
        return false;
    }

    private bool Take(string? key, int permits) =>
        key is null || _windows.GetOrAdd(key, _ => new ClockedSlidingWindow(permits, _limits.PerSourceWindow, _limits.SegmentsPerWindow, _timeProvider)).TryTake();

    private void Sweep()
    {
        if (Interlocked.Increment(ref _acquisitions) % SweepEvery != 0)
        {
            return;
        }

        foreach (var (key, window) in _windows)
        {
            if (window.IsIdle)
            {
                _windows.TryRemove(key, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an identifier lookup in conversation {ConversationId}: over the lookup rate limit.")]
    private static partial void LogThrottled(ILogger logger, string conversationId);

    /// <summary>
    /// A sliding window of <c>segments</c> counters, moved by the host's <see cref="TimeProvider"/>. The BCL's
    /// <c>System.Threading.RateLimiting.SlidingWindowRateLimiter</c> (same algorithm) reads the machine's stopwatch even when replenished by
    /// hand, so it cannot share the clock the rest of the host (and its tests) run on.
    /// </summary>
    private sealed class ClockedSlidingWindow
    {
        private readonly int _permits;
        private readonly int[] _taken;
        private readonly TimeSpan _segment;
        private readonly TimeProvider _clock;
        private readonly Lock _gate = new();
        private long _currentSegment;
        private DateTimeOffset _lastUsed;

        public ClockedSlidingWindow(int permits, TimeSpan window, int segments, TimeProvider clock)
        {
            _permits = permits;
            _taken = new int[segments];
            _segment = window / segments;
            _clock = clock;
            _lastUsed = clock.GetUtcNow();
            _currentSegment = SegmentOf(_lastUsed);
        }

        /// <summary>A whole window without use: every permit is back, so forgetting the window changes nothing.</summary>
        public bool IsIdle
        {
            get
            {
                lock (_gate)
                {
                    return _clock.GetUtcNow() - _lastUsed > _segment * _taken.Length;
                }
            }
        }

        public bool TryTake()
        {
            lock (_gate)
            {
                var now = _clock.GetUtcNow();
                var segment = SegmentOf(now);
                for (var step = _currentSegment + 1; step <= Math.Min(segment, _currentSegment + _taken.Length); step++)
                {
                    _taken[step % _taken.Length] = 0; // That segment slid out of the window.
                }

                _currentSegment = Math.Max(segment, _currentSegment);
                _lastUsed = now;
                if (_taken.Sum() >= _permits)
                {
                    return false;
                }

                _taken[_currentSegment % _taken.Length]++;
                return true;
            }
        }

        private long SegmentOf(DateTimeOffset at) => at.UtcTicks / _segment.Ticks;
    }
}

/// <summary>Who asks for a lookup: the channel's user id and the remote address (either may be unknown).</summary>
public sealed record LookupSource(string? ChannelId, string? UserId, string? Address);
