using Microsoft.Extensions.Options;
using SupportBot.Bot.Storage.Sqlite;

namespace SupportBot.Bot.Agents;

/// <summary>
/// Creates the demo console accounts (README, "Agent console") once, beside the demo account directory and never in
/// Production: an agent for English, French and Spanish in every country, and a supervisor.
/// </summary>
internal sealed class DemoAgentSeeder(SqliteDatabase database, AgentAccounts accounts) : IHostedService
{
    public const string AgentUsername = "demo.agent";
    public const string AgentPassword = "demo-agent-2026";
    public const string SupervisorUsername = "demo.supervisor";
    public const string SupervisorPassword = "demo-supervisor-2026";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);

        // Creating an existing username is refused by the store, so a restart keeps the accounts (and their lockouts) as they are.
        await accounts.CreateAsync(AgentUsername, "Alex", AgentPassword, AgentRoles.Agent, ["en", "fr", "es"], ["*"], "en", cancellationToken);
        await accounts.CreateAsync(SupervisorUsername, "Sam (supervisor)", SupervisorPassword, AgentRoles.Supervisor, ["en"], ["*"], "en", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static bool ShouldSeed(IConfiguration configuration, IHostEnvironment environment) =>
        !environment.IsProduction()
        && configuration.GetValue("Directory:Demo", defaultValue: true)
        && configuration.GetValue("Agents:SeedDemoAgent", defaultValue: true);
}
