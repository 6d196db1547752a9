using SupportBot.Bot.Channels.DirectLine;
using SupportBot.Bot.Web;

var builder = WebApplication.CreateBuilder(args);

// Channels: the Direct Line 3.0 server for Web Chat and DirectLineJS (docs/protocol.md §1).
builder.Services.AddDirectLine(builder.Configuration);

// The built-in web page: Web Chat host page, its strings and the language list (Web/).
builder.Services.AddWebPages();

var app = builder.Build();

// Security headers on every response, then the page's static files.
app.UseWebPages();

// Direct Line's stream is a WebSocket, its clients call from other origins, and its token exchange is rate-limited.
app.UseWebSockets();
app.UseCors();
app.UseRateLimiter();

app.MapDirectLine();
app.MapWebPages();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
