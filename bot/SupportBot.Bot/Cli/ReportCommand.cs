using System.CommandLine;
using System.Globalization;
using SupportBot.Bot.Reports;

namespace SupportBot.Bot.Cli;

/// <summary>
/// <c>supportbot report [--from] [--to] [--country] [--language] [--by week|month] [--format csv|json] [--output FILE]</c>:
/// the takeover report (SPEC §11, docs/security.md F2) from the stored figures, after materialising the open periods.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var from = new Option<string?>("--from") { Description = "First day (UTC, yyyy-MM-dd); default: 12 periods before --to." };
        var to = new Option<string?>("--to") { Description = "Day after the last one (UTC, yyyy-MM-dd, exclusive); default: tomorrow." };
        var country = new Option<string?>("--country") { Description = "Only this country (ISO 3166, e.g. NG)." };
        var language = new Option<string?>("--language") { Description = "Only this language (e.g. fil)." };
        var by = new Option<string>("--by") { Description = "Period: week or month.", DefaultValueFactory = _ => "week" };
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        var file = new Option<string?>("--output") { Description = "Write to this file instead of standard output." };
        var command = new Command("report", "The takeover report: conversations, verification, escalations, outcomes, takeovers, causes, safeguards, staffing.")
        {
            from, to, country, language, by, format, file,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var granularity = ReportPeriods.Parse(parseResult.GetValue(by));
            if (granularity is null)
            {
                await error.WriteLineAsync($"--by must be week or month (got '{parseResult.GetValue(by)}').");
                return 2;
            }

            var kind = parseResult.GetValue(format)?.Trim().ToLowerInvariant();
            if (kind is not ("csv" or "json"))
            {
                await error.WriteLineAsync($"--format must be csv or json (got '{parseResult.GetValue(format)}').");
                return 2;
            }

            if (!TryDay(parseResult.GetValue(to), "--to", out var end, out var problem) || !TryDay(parseResult.GetValue(from), "--from", out var start, out problem))
            {
                await error.WriteLineAsync(problem);
                return 2;
            }

            // Checked before the host starts (and trains the recognizer), so a typo answers at once.
            var now = TimeProvider.System.GetUtcNow();
            var toValue = end ?? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
            var fromValue = start ?? Back(granularity.Value, toValue, 12);
            var request = new ReportRequest(
                granularity.Value, fromValue, toValue,
                Blank(parseResult.GetValue(country))?.ToUpperInvariant(), Blank(parseResult.GetValue(language))?.ToLowerInvariant());
            if (request.Validate() is { } invalid)
            {
                await error.WriteLineAsync(invalid);
                return 2;
            }

            using var host = await CliHost.StartAsync(cancellationToken);
            var report = await host.Services.GetRequiredService<ReportBuilder>().BuildAsync(request, cancellationToken);
            var text = kind == "json" ? ReportWriters.ToJson(report) + Environment.NewLine : ReportWriters.ToCsv(report);
            if (Blank(parseResult.GetValue(file)) is { } path)
            {
                try
                {
                    await File.WriteAllTextAsync(path, text, cancellationToken);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
                {
                    await error.WriteLineAsync($"Cannot write {path}: {exception.Message}");
                    return 1;
                }

                await output.WriteLineAsync($"Wrote {report.Periods.Count} {report.By}(s) to {path}.");
            }
            else
            {
                await output.WriteAsync(text);
            }

            return 0;
        });
        return command;
    }

    private static DateTimeOffset Back(ReportGranularity by, DateTimeOffset to, int periods) =>
        by == ReportGranularity.Month ? by.StartOf(to).AddMonths(-periods) : by.StartOf(to).AddDays(-7 * periods);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryDay(string? value, string name, out DateTimeOffset? day, out string? problem)
    {
        day = null;
        problem = null;
        if (Blank(value) is not { } text)
        {
            return true;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            day = new DateTimeOffset(parsed, TimeSpan.Zero);
            return true;
        }

        problem = $"{name} must be a date as yyyy-MM-dd, such as 2026-11-01 (got '{text}').";
        return false;
    }
}
