using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Dialogs.Localization;

namespace SupportBot.Bot.Tests.Conversations;

/// <summary>
/// One real host per distinct set of script settings, shared by every script and language that uses it (training
/// every language's recognizer is the slow part of starting one). Codes can be sent often: each language runs
/// the same demo accounts.
/// </summary>
public sealed class ScriptedConversationHosts : IDisposable
{
    private readonly Dictionary<string, (BotApplication App, HttpClient Http, RecordingTextRenderer Renderer)> _hosts = [];
    private readonly Lock _gate = new();

    internal (BotApplication App, HttpClient Http, RecordingTextRenderer Renderer) For(IReadOnlyDictionary<string, string?> settings)
    {
        var key = string.Join(";", settings.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + pair.Value));
        lock (_gate)
        {
            if (_hosts.TryGetValue(key, out var existing))
            {
                return existing;
            }

            var all = new Dictionary<string, string?>(settings)
            {
                ["Verification:MaxSendsPerHour"] = "20",
                ["Verification:MaxSendsPerDay"] = "100",
            };
            RecordingTextRenderer? renderer = null;
            var app = new BotApplication(settings: all, services: services => services.Replace(ServiceDescriptor.Singleton<ITextRenderer>(provider =>
                renderer = new RecordingTextRenderer(new CatalogTextRenderer(provider.GetRequiredService<IMessageRenderer>())))));
            var http = app.CreateClient();
            _ = app.Services.GetRequiredService<ITextRenderer>();
            var created = (app, http, renderer ?? throw new InvalidOperationException("The recording renderer was not used."));
            _hosts.Add(key, created);
            return created;
        }
    }

    public void Dispose()
    {
        foreach (var (app, http, _) in _hosts.Values)
        {
            http.Dispose();
            app.Dispose();
        }
    }
}
