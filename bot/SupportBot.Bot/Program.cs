using SupportBot.Bot.Agents;
using SupportBot.Bot.Channels.BotConnector;
using SupportBot.Bot.Channels.DirectLine;
using SupportBot.Bot.Cli;
using SupportBot.Bot.Countries;
using SupportBot.Bot.Delivery;
using SupportBot.Bot.Hosting;
using SupportBot.Bot.Reports;
using SupportBot.Bot.Security.BotChallenge;
using SupportBot.Bot.Security.Repudiation;
using SupportBot.Bot.Web;

// `supportbot chat`, `supportbot cases list`, …: the same engine without the web server.
if (SupportBotCli.IsCommand(args))
{
    return await SupportBotCli.RunAsync(args, Console.In, Console.Out, Console.Error);
}

// Configuration is read once at start-up. Reloading appsettings*.json on change means a recursive file watcher on
// the content root, which also holds data/: it woke for every write to the SQLite log (≈10% of the CPU under load).
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);

// Per-request framework logs drown what matters (turn failures, deliveries, start-up); Logging:LogLevel can raise them.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

// Engine, understanding, storage, verification, delivery, cases.
builder.Services.AddSupportBotCore(builder.Configuration, builder.Environment);

// Channels: Direct Line 3.0 for Web Chat and DirectLineJS (docs/protocol.md §1), and /api/messages for
// Azure Bot Service channels and the Emulator (§3).
builder.Services.AddDirectLine(builder.Configuration);
builder.Services.AddBotConnector(builder.Configuration);

// The built-in web page: Web Chat host page, its strings and the language list (Web/).
builder.Services.AddWebPages();

// The agent console (/agent), its API and the handoff to agents or an external hub (Agents/).
builder.Services.AddAgentConsole(builder.Configuration, builder.Environment);
builder.Services.AddTakeoverReportWorker();

// Errors become ProblemDetails without internals, in every environment.
builder.Services.AddProblemDetails();

var app = builder.Build();
await app.Services.InitializeSupportBotAsync(app.Lifetime.ApplicationStopping);

app.UseExceptionHandler();
app.UseStatusCodePages();

// Security headers on every response, then the page's static files.
app.UseWebPages();

// Direct Line's stream is a WebSocket, its clients call from other origins, and its token exchange is rate-limited.
app.UseWebSockets();
app.UseCors();
app.UseRateLimiter();

app.MapDirectLine();
app.MapBotChallenge();
app.MapBotConnector();
app.MapWebPages();
app.MapCountries();
app.MapAgentConsole();
app.MapReportDashboard();


// Demo delivery sink (only with the demo directory, never in Production).
app.MapDevOutbox();

// "This wasn't me": the page security notices link to.
app.MapRepudiation();

app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
