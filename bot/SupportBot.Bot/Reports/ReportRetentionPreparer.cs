using SupportBot.Bot.Retention;

namespace SupportBot.Bot.Reports;

/// <summary>
/// Before retention prunes raw rows older than a cutoff, every period that starts before it is computed from the
/// rows still there and sealed, so the 5-year figures survive the 90-day and 2-year raw retention (docs/security.md G3).
/// </summary>
internal sealed class ReportRetentionPreparer(ReportMaterializer materializer) : IRetentionPreparer
{
    public Task PrepareAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        materializer.MaterializeAsync(cutoff, cancellationToken);
}
