using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Verification;

namespace SupportBot.Bot.Retention;

/// <summary>
/// One retention run: every registered <see cref="IRetentionPreparer"/> first (the report materialises its
/// aggregates from the rows about to go), then the prune, then a <c>retention_pruned</c> audit record with the
/// counts. The worker runs it daily; <c>supportbot retention run</c> on demand.
/// </summary>
public sealed partial class RetentionService
{
    // A code is kept a day past its expiry, so a late answer is still told "expired" rather than "unknown".
    private static readonly TimeSpan s_codeGrace = TimeSpan.FromDays(1);

    private readonly IEnumerable<IRetentionPreparer> _preparers;
    private readonly SqliteRetentionStore _store;
    private readonly IAuditLog _audit;
    private readonly IOptions<RetentionOptions> _options;
    private readonly IOptions<VerificationOptions> _verification;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RetentionService> _logger;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    internal RetentionService(
        IEnumerable<IRetentionPreparer> preparers,
        SqliteRetentionStore store,
        IAuditLog audit,
        IOptions<RetentionOptions> options,
        IOptions<VerificationOptions> verification,
        TimeProvider timeProvider,
        ILogger<RetentionService> logger)
    {
        _preparers = preparers;
        _store = store;
        _audit = audit;
        _options = options;
        _verification = verification;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<RetentionReport> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var cutoffs = Cutoffs(_timeProvider.GetUtcNow());
            if (!dryRun)
            {
                foreach (var preparer in _preparers)
                {
                    await preparer.PrepareAsync(cutoffs.Transcripts, cancellationToken);
                }
            }

            var report = await _store.PruneAsync(cutoffs, dryRun, cancellationToken);
            if (!dryRun && report.Pruned)
            {
                await _audit.AppendAsync(
                    new AuditEvent("retention_pruned", cutoffs.Now, "retention", null, null, null, JsonSerializer.Serialize(new
                    {
                        conversations = report.Conversations,
                        transcript_entries = report.TranscriptEntries,
                        cases = report.Cases,
                        outbox = report.OutboxRows,
                        codes = report.ExpiredCodes,
                        throttles = report.ThrottleRows,
                        repudiations = report.Repudiations,
                        audit_records = report.AuditRecords,
                        audit_checkpoint = report.AuditCheckpoint,
                    })),
                    cancellationToken);
                LogPruned(_logger, report.Conversations, report.Cases, report.AuditRecords);
            }

            return report;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private RetentionCutoffs Cutoffs(DateTimeOffset now)
    {
        var options = _options.Value;
        var verification = _verification.Value;
        // Sends count for a day (the daily cap); notices for their interval; holds last at most the slow path.
        var throttleWindow = new[] { TimeSpan.FromDays(1), verification.OwnerNoticeInterval, verification.SlowPathDuration, verification.PauseDuration }.Max();
        return new RetentionCutoffs(
            now,
            Transcripts: now - options.Transcripts,
            SecurityEvents: now - options.SecurityEvents,
            Outbox: now - options.OutboxRows,
            Codes: now - s_codeGrace,
            Throttles: now - throttleWindow - TimeSpan.FromDays(1));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention pruned {Conversations} idle conversations, {Cases} closed cases and {AuditRecords} audit records.")]
    private static partial void LogPruned(ILogger logger, long conversations, long cases, long auditRecords);
}
