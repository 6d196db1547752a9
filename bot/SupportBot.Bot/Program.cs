using SupportBot.Bot.Channels.DirectLine;

var builder = WebApplication.CreateBuilder(args);

// Channels: the Direct Line 3.0 server for Web Chat and DirectLineJS (docs/protocol.md §1).
builder.Services.AddDirectLine(builder.Configuration);

var app = builder.Build();

// Direct Line's stream is a WebSocket, its clients call from other origins, and its token exchange is rate-limited.
app.UseWebSockets();
app.UseCors();
app.UseRateLimiter();

app.MapDirectLine();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
