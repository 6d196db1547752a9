using SupportBot.Bot.Tests.Cli;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Agents;

/// <summary><c>supportbot agents add|list</c> in its own process; the new account signs in to the console.</summary>
public sealed class AgentsCommandTests
{
    [Fact]
    public async Task AgentsAdd_PasswordFromStandardInput_ThenTheAgentSignsIn()
    {
        var data = Directory.CreateTempSubdirectory("supportbot-cli-").FullName;
        using (var add = CliProcess.Start(data, "agents", "add", "--username", "fatima", "--name", "Fatima", "--languages", "ar,en", "--countries", "EG,SA"))
        {
            await add.SendLineAsync("a-long-enough-password");
            add.CloseInput();
            Assert.Equal(0, await add.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("Created agent 'fatima'.", add.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("a-long-enough-password", add.Output, StringComparison.Ordinal);
        }

        using (var weak = CliProcess.Start(data, "agents", "add", "--username", "weak", "--name", "Weak", "--languages", "en"))
        {
            await weak.SendLineAsync("short");
            weak.CloseInput();
            Assert.NotEqual(0, await weak.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("at least 12 characters", weak.Output, StringComparison.Ordinal);
        }

        using (var list = CliProcess.Start(data, "agents", "list"))
        {
            Assert.Equal(0, await list.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("fatima", list.Output, StringComparison.Ordinal);
            Assert.Contains("ar,en", list.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("weak", list.Output, StringComparison.Ordinal);
        }

        using var app = new BotApplication(settings: new() { ["Data:Directory"] = data });
        var agent = new AgentConsoleClient(app.CreateClient());
        using var signIn = await agent.SignInAsync("fatima", "a-long-enough-password");
        Assert.Equal(System.Net.HttpStatusCode.OK, signIn.StatusCode);
    }
}
