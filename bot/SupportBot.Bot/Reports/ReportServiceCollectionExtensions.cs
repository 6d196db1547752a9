using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Bot.Retention;

namespace SupportBot.Bot.Reports;

/// <summary>Registers the takeover report: figures, their materialisation (worker and retention), the case cause store.</summary>
public static class ReportServiceCollectionExtensions
{
    public static IServiceCollection AddTakeoverReport(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration("Reports").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<CaseCauseStore>();
        services.TryAddSingleton<ReportRawReader>();
        services.TryAddSingleton<ReportAggregateStore>();
        services.TryAddSingleton<ReportMaterializer>();
        services.TryAddSingleton<ReportBuilder>();
        services.AddSingleton<IRetentionPreparer, ReportRetentionPreparer>();
        return services;
    }

    /// <summary>The periodic materialisation, for the long-running host only (the CLI materialises on demand).</summary>
    public static IServiceCollection AddTakeoverReportWorker(this IServiceCollection services)
    {
        services.AddHostedService<ReportWorker>();
        return services;
    }
}
