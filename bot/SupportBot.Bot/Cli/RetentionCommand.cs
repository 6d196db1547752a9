using System.CommandLine;
using SupportBot.Bot.Retention;

namespace SupportBot.Bot.Cli;

/// <summary>
/// <c>supportbot retention run [--dry-run]</c>: one retention run now (the web host runs one daily), printing what
/// was pruned per kind of record, or with <c>--dry-run</c> what would be, deleting nothing.
/// </summary>
internal static class RetentionCommand
{
    public static Command Create(TextWriter output)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would be pruned; delete nothing." };
        var run = new Command("run", "Prune transcripts, closed cases, spent outbox rows, expired codes, old throttle rows and audit records past their retention.")
        {
            dryRun,
        };
        run.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(cancellationToken);
            var report = await host.Services.GetRequiredService<RetentionService>().RunAsync(parsed.GetValue(dryRun), cancellationToken);
            await output.WriteLineAsync(report.Describe());
            return 0;
        });

        return new Command("retention", "Retention of transcripts, cases and security events (transcripts 90 days, audit 2 years).") { run };
    }
}
