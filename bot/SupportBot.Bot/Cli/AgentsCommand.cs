using System.CommandLine;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Agents;

namespace SupportBot.Bot.Cli;

/// <summary>
/// <c>supportbot agents add|list</c>: console accounts. The password is read from standard input (one line), never
/// from the command line, where other users of the machine could read it in the process list.
/// </summary>
internal static class AgentsCommand
{
    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var username = new Option<string>("--username") { Description = "The sign-in name.", Required = true };
        var name = new Option<string>("--name") { Description = "The name users see (\"Alex from support has joined the chat\").", Required = true };
        var languages = new Option<string>("--languages") { Description = "Languages the agent works in, comma-separated: en,fr.", Required = true };
        var countries = new Option<string>("--countries") { Description = "Countries the agent covers, comma-separated ISO codes, or * for all.", DefaultValueFactory = _ => "*" };
        var role = new Option<string>("--role") { Description = "agent or supervisor.", DefaultValueFactory = _ => AgentRoles.Agent };
        var consoleLanguage = new Option<string?>("--console-language") { Description = "The console's language (default: the first language)." };
        var add = new Command("add", $"Create an agent account; the password (at least {AgentAccounts.MinPasswordLength} characters) is read from standard input.")
        {
            username, name, languages, countries, role, consoleLanguage,
        };
        add.SetAction(async (parseResult, cancellationToken) =>
        {
            var password = await input.ReadLineAsync(cancellationToken);
            using var host = await CliHost.StartAsync(cancellationToken);
            var accounts = new AgentAccounts(
                host.Services.GetRequiredService<IAgentStore>(),
                Options.Create(new AgentOptions()),
                host.Services.GetRequiredService<TimeProvider>());
            var problem = await accounts.CreateAsync(
                parseResult.GetValue(username)!, parseResult.GetValue(name)!, password ?? string.Empty, parseResult.GetValue(role)!,
                AgentAccounts.ParseList(parseResult.GetValue(languages)), AgentAccounts.ParseList(parseResult.GetValue(countries)),
                parseResult.GetValue(consoleLanguage), cancellationToken);
            if (problem is not null)
            {
                await error.WriteLineAsync(problem);
                return 1;
            }

            await output.WriteLineAsync($"Created {parseResult.GetValue(role)} '{parseResult.GetValue(username)}'.");
            return 0;
        });

        var list = new Command("list", "List agent accounts (never their passwords).");
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(cancellationToken);
            var agents = await host.Services.GetRequiredService<IAgentStore>().ListAsync(cancellationToken);
            await output.WriteLineAsync($"{"USERNAME",-24} {"NAME",-20} {"ROLE",-11} {"LANGUAGES",-16} COUNTRIES");
            foreach (var agent in agents)
            {
                await output.WriteLineAsync(
                    $"{agent.Username,-24} {agent.DisplayName,-20} {agent.Role,-11} {string.Join(',', agent.Languages),-16} {string.Join(',', agent.Countries)}");
            }

            return 0;
        });

        return new Command("agents", "Agent console accounts.") { add, list };
    }
}
