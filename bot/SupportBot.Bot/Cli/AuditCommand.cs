using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Storage.Sqlite;

namespace SupportBot.Bot.Cli;

/// <summary>
/// <c>supportbot audit verify</c>: walks the whole audit chain (keyed hashes, sequence, links) and checks it still
/// reaches its anchor. Prints the first bad record and why, and exits 1 when the log was tampered with.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var verify = new Command("verify", "Check the audit log: edits, deletions, reordering, a cut-off tail and re-hashed forgeries.");
        verify.SetAction(async (_, cancellationToken) =>
        {
            using var host = await StartStorageAsync(cancellationToken);
            var result = await host.Services.GetRequiredService<IAuditLog>().VerifyAsync(cancellationToken);
            switch (result)
            {
                case AuditVerification.Intact intact:
                    await output.WriteLineAsync(intact.CheckpointSequence > 0
                        ? string.Create(CultureInfo.InvariantCulture, $"Audit log intact: {intact.Count} records after the retention checkpoint at record {intact.CheckpointSequence}, chain and anchor verified.")
                        : string.Create(CultureInfo.InvariantCulture, $"Audit log intact: {intact.Count} records, chain and anchor verified."));
                    return 0;
                case AuditVerification.Broken broken:
                    await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Audit log BROKEN at record {broken.Sequence}: {broken.Reason}"));
                    return 1;
                default:
                    return 2;
            }
        });

        return new Command("audit", "The append-only, hash-chained audit log.") { verify };
    }

    /// <summary>Only storage: verifying needs neither the recognizer nor the catalogs.</summary>
    private static async Task<IHost> StartStorageAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environments.Development,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var configured = builder.Configuration["Data:Directory"] is { Length: > 0 } value ? value : "data";
        var dataDirectory = Path.IsPathRooted(configured) ? configured : Path.Combine(builder.Environment.ContentRootPath, configured);
        var explicitPath = builder.Configuration["Storage:Sqlite:Path"];
        builder.Services.AddSqliteStorage(options =>
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString) && string.IsNullOrWhiteSpace(explicitPath))
            {
                options.Path = Path.Combine(dataDirectory, "supportbot.db");
            }
        });
        var host = builder.Build();
        await host.Services.GetRequiredService<SqliteDatabase>().MigrateAsync(cancellationToken);
        return host;
    }
}
