using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Security.LookupLimits;

/// <summary>
/// Decides, before the account directory is asked, whether one more identifier lookup may run (security.md D3).
/// The answer depends only on who asks and how often, never on the identifier, so a refusal says nothing about
/// whether an account exists. Refusals are audited as <c>lookup_throttled</c> with no identifier and no address.
/// </summary>
public sealed partial class LookupRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<LookupSource> _limiter;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<LookupRateLimiter> _logger;

    public LookupRateLimiter(IOptions<LookupRateLimitOptions> options, IAuditLog audit, TimeProvider timeProvider, ILogger<LookupRateLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        _audit = audit;
        _timeProvider = timeProvider;
        _logger = logger;
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<LookupSource, string>(source => source.UserId is { Length: > 0 } user
                ? RateLimitPartition.GetSlidingWindowLimiter("user:" + user, _ => Window(limits.PerUserPermitLimit, limits.PerSourceWindow, limits.SegmentsPerWindow))
                : RateLimitPartition.GetNoLimiter("user:")),
            PartitionedRateLimiter.Create<LookupSource, string>(source => source.Address is { Length: > 0 } address
                ? RateLimitPartition.GetSlidingWindowLimiter("ip:" + address, _ => Window(limits.PerAddressPermitLimit, limits.PerSourceWindow, limits.SegmentsPerWindow))
                : RateLimitPartition.GetNoLimiter("ip:")),
            PartitionedRateLimiter.Create<LookupSource, string>(_ =>
                RateLimitPartition.GetSlidingWindowLimiter("global", _ => Window(limits.GlobalPermitLimit, limits.GlobalWindow, limits.SegmentsPerWindow))));
    }

    /// <summary>Takes one lookup permit for <paramref name="source"/>; <see langword="false"/> (and audited) when over a limit.</summary>
    public async Task<bool> TryAcquireAsync(LookupSource source, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var lease = _limiter.AttemptAcquire(source);
        if (lease.IsAcquired)
        {
            return true;
        }

        LogThrottled(_logger, conversationId);
        await _audit.AppendAsync(
            new AuditEvent("lookup_throttled", _timeProvider.GetUtcNow(), "bot", conversationId, null, null, JsonSerializer.Serialize(new { channel = source.ChannelId })),
            cancellationToken);
        return false;
    }

    public void Dispose() => _limiter.Dispose();

    private static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window, int segments) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = segments,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an identifier lookup in conversation {ConversationId}: over the lookup rate limit.")]
    private static partial void LogThrottled(ILogger logger, string conversationId);
}

/// <summary>Who asks for a lookup: the channel's user id and the remote address (either may be unknown).</summary>
public sealed record LookupSource(string? ChannelId, string? UserId, string? Address);
