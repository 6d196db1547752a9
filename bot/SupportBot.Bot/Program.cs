using SupportBot.Bot.Web;

var builder = WebApplication.CreateBuilder(args);

// The built-in web page: Web Chat host page, its strings and the language list (Web/).
builder.Services.AddWebPages();

var app = builder.Build();

// Security headers on every response, then the page's static files.
app.UseWebPages();
app.MapWebPages();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
