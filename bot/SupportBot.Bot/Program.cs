using SupportBot.Bot.Channels.BotConnector;
using SupportBot.Bot.Channels.DirectLine;
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

// Channels: Direct Line 3.0 for Web Chat and DirectLineJS (docs/protocol.md §1), and /api/messages for
// Azure Bot Service channels and the Emulator (§3).
builder.Services.AddDirectLine(builder.Configuration);
builder.Services.AddBotConnector(builder.Configuration);

// Errors become ProblemDetails without internals, in every environment.
builder.Services.AddProblemDetails();

var app = builder.Build();
await app.Services.InitializeSupportBotAsync(app.Lifetime.ApplicationStopping);

app.UseExceptionHandler();
app.UseStatusCodePages();

// Direct Line's stream is a WebSocket, its clients call from other origins, and its token exchange is rate-limited.
app.UseWebSockets();
app.UseCors();
app.UseRateLimiter();

app.MapDirectLine();
app.MapBotConnector();

// Demo delivery sink (only with the demo directory, never in Production).
app.MapDevOutbox();

app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
