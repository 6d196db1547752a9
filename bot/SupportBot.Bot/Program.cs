using SupportBot.Bot.Channels.BotConnector;
using SupportBot.Bot.Cli;
using SupportBot.Bot.Delivery;
using SupportBot.Bot.Hosting;

// `supportbot chat`, `supportbot cases list`, …: the same engine without the web server.
if (SupportBotCli.IsCommand(args))
{
    return await SupportBotCli.RunAsync(args, Console.In, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

// Engine, understanding, storage, verification, delivery, cases.
builder.Services.AddSupportBotCore(builder.Configuration, builder.Environment);

// Channels: Azure Bot Service / Emulator at /api/messages.
builder.Services.AddBotConnector(builder.Configuration);

// Errors become ProblemDetails without internals, in every environment.
builder.Services.AddProblemDetails();

var app = builder.Build();
await app.Services.InitializeSupportBotAsync(app.Lifetime.ApplicationStopping);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebSockets();

app.MapBotConnector();

// Demo delivery sink (only with the demo directory, never in Production).
app.MapDevOutbox();

app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
