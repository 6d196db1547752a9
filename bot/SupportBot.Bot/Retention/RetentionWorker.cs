using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Retention;

/// <summary>Runs <see cref="RetentionService"/> shortly after start-up and then every <see cref="RetentionOptions.RunEvery"/>, on the host's clock.</summary>
internal sealed partial class RetentionWorker(
    RetentionService retention, IOptions<RetentionOptions> options, TimeProvider timeProvider, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        try
        {
            await Task.Delay(settings.FirstRunAfter, timeProvider, stoppingToken);
            using var timer = new PeriodicTimer(settings.RunEvery, timeProvider);
            do
            {
                try
                {
                    await retention.RunAsync(dryRun: false, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The next run tries again; nothing is half-deleted (one transaction).
                    LogFailed(logger, exception.GetType().Name, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention run failed ({ErrorType}); it will run again at the next interval.")]
    private static partial void LogFailed(ILogger logger, string errorType, Exception exception);
}
