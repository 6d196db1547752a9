using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Reports;

/// <summary>
/// Computes the figures of every period that is not sealed yet from the raw rows and stores them, replacing what was
/// there (idempotent). Sealed periods are never recomputed, because retention may have pruned their raw rows
/// (docs/security.md G3): their stored figures are the record. A period is sealed once it ended
/// <see cref="ReportOptions.SealAfter"/> ago, or when retention prepares to prune rows before it ends.
/// </summary>
internal sealed class ReportMaterializer(ReportRawReader raw, ReportAggregateStore store, IOptions<ReportOptions> options, TimeProvider timeProvider)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Materialises every unsealed period up to now.</summary>
    /// <param name="sealBefore">Seals every period that starts before this instant as well (retention's cutoff).</param>
    /// <returns>How many periods were written.</returns>
    public async Task<int> MaterializeAsync(DateTimeOffset? sealBefore, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            var data = await raw.ReadAsync(cancellationToken);
            if (data.Earliest is not { } earliest)
            {
                return 0;
            }

            var written = 0;
            foreach (var granularity in new[] { ReportGranularity.Week, ReportGranularity.Month })
            {
                var sealedStarts = await store.SealedAsync(granularity, cancellationToken);
                var open = new HashSet<DateTimeOffset>();
                for (var start = granularity.StartOf(earliest); start <= now; start = granularity.Next(start))
                {
                    if (!sealedStarts.Contains(start))
                    {
                        open.Add(start);
                    }
                }

                var figures = ReportCalculator.Compute(data, granularity, open, now);
                foreach (var start in open.Order())
                {
                    var seal = granularity.Next(start) + options.Value.SealAfter <= now || (sealBefore is { } cutoff && start < cutoff);
                    if (await store.ReplaceAsync(granularity, start, figures[start], now, seal, cancellationToken))
                    {
                        written++;
                    }
                }
            }

            return written;
        }
        finally
        {
            _gate.Release();
        }
    }
}
