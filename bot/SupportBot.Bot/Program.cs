using SupportBot.Bot.Channels.BotConnector;

var builder = WebApplication.CreateBuilder(args);

// Azure Bot Service channels and the Emulator: POST /api/messages (docs/protocol.md §3).
builder.Services.AddBotConnector(builder.Configuration);

var app = builder.Build();

app.MapBotConnector();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
