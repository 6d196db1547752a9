using System.CommandLine;

namespace SupportBot.Bot.Cli;

/// <summary>
/// The <c>supportbot</c> command line. With no command (or server options only) the executable runs the web
/// host; these commands run the same engine and storage without it.
/// </summary>
public static class SupportBotCli
{
    private static readonly string[] s_commands = ["chat", "cases", "flow", "locales", "agents", "nlu", "audit", "report", "retention", "--help", "-h", "-?"];

    /// <summary>Whether <paramref name="args"/> names a command rather than server options.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && s_commands.Contains(args[0], StringComparer.Ordinal);

    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("SupportBot: account-recovery support with verified human escalation. Run without a command to start the web host.");
        root.Subcommands.Add(ChatCommand.Create(input, output));
        root.Subcommands.Add(CasesCommand.Create(output));
        root.Subcommands.Add(FlowCommand.Create(output));
        root.Subcommands.Add(LocalesCommand.Create(output, error));
        root.Subcommands.Add(AgentsCommand.Create(input, output, error));
        root.Subcommands.Add(NluCommand.Create(input, output, error));
        root.Subcommands.Add(AuditCommand.Create(output, error));
        root.Subcommands.Add(ReportCommand.Create(output, error));
        root.Subcommands.Add(RetentionCommand.Create(output));
        var parsed = root.Parse(args);
        return parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
