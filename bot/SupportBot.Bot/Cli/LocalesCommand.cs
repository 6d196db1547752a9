using System.CommandLine;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Localization.Tooling;
using SupportBot.Dialogs.Localization;

namespace SupportBot.Bot.Cli;

/// <summary><c>supportbot locales check|add|pseudo|stats</c>: the localisation team's tools.</summary>
internal static class LocalesCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var locales = new Command("locales", "Tools for localisation teams: check, add a language or country, pseudo-locales, stats.");
        locales.Subcommands.Add(Check(output));
        locales.Subcommands.Add(LocalesAddCommand.Create(output, error));
        locales.Subcommands.Add(LocalesPseudoCommand.Create(output));
        locales.Subcommands.Add(LocalesStatsCommand.Create(output));
        return locales;
    }

    /// <summary>The <c>--path</c> option every subcommand shares.</summary>
    public static Option<DirectoryInfo?> PathOption() =>
        new("--path") { Description = "The locales folder (default: ./locales, or the one beside SupportBot.sln)." };

    /// <summary>The locales folder named by <c>--path</c>, or found the way the host finds it.</summary>
    public static string ResolvePath(DirectoryInfo? path) =>
        path?.FullName
        ?? LocalesPathResolver.Resolve(null, Directory.GetCurrentDirectory(), AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException("No locales folder found; pass --path.");

    private static Command Check(TextWriter output)
    {
        var path = PathOption();
        var check = new Command("check", "Check catalogs, recognizer examples and country profiles the way CI does; exit 1 on errors.") { path };
        check.SetAction(parseResult =>
        {
            var root = ResolvePath(parseResult.GetValue(path));
            var report = new LocalesCheck(root).Run();
            foreach (var finding in report.Findings.OrderByDescending(f => f.Severity))
            {
                output.WriteLine(LocalesCheckReport.Line(finding));
            }

            output.WriteLine(
                $"locales check: {report.Errors} error(s), {report.Warnings} warning(s) in {report.Languages} language(s) and {report.Countries} country profile(s) under {root}");
            return report.Errors > 0 ? 1 : 0;
        });
        return check;
    }
}
