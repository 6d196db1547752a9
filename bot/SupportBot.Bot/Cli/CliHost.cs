using Microsoft.Extensions.Hosting;
using SupportBot.Bot.Hosting;

namespace SupportBot.Bot.Cli;

/// <summary>The services of the web host without the web server, for commands that work on the same engine and data.</summary>
internal static class CliHost
{
    public static async Task<IHost> StartAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environments.Development,
        });

        // Commands print to the terminal; only warnings and errors of the host belong there.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("SupportBot.Bot.Delivery.DevOutboxSender", LogLevel.None);
        builder.Services.AddSupportBotCore(builder.Configuration, builder.Environment);
        var host = builder.Build();
        await host.Services.InitializeSupportBotAsync(cancellationToken);
        return host;
    }
}
