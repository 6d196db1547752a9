using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Reports;

/// <summary>Materialises the report's figures every <see cref="ReportOptions.MaterializeEvery"/>, off the turn path.</summary>
internal sealed partial class ReportWorker(ReportMaterializer materializer, IOptions<ReportOptions> options, TimeProvider timeProvider, ILogger<ReportWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MaterializeEvery, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var written = await materializer.MaterializeAsync(null, stoppingToken);
                LogMaterialized(logger, written);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick tries again; the raw rows are still there until retention seals the periods itself.
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Report figures materialised: {Periods} periods written.")]
    private static partial void LogMaterialized(ILogger logger, int periods);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Materialising the report's figures failed; retrying at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
