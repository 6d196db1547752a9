using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Tests.BotConnector;

/// <summary>The bot host with a scripted <see cref="IBot"/>, a manual clock and the given BotConnector settings.</summary>
internal sealed class BotConnectorApplication(
    IBot bot, TimeProvider timeProvider, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Each host gets its own data folder (SQLite file, keys), as a fresh install would.
        builder.UseSetting("Data:Directory", Directory.CreateTempSubdirectory("supportbot-test-").FullName);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(bot);
            services.AddSingleton(timeProvider);
        });
    }
}
