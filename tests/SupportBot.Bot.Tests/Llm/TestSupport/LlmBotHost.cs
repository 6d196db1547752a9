using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.Security.TestSupport;

namespace SupportBot.Bot.Tests.Llm.TestSupport;

/// <summary>The real host (<see cref="BotApplication"/>) with the LLM configured and its client replaced by <paramref name="client"/>, every log line captured.</summary>
internal static class LlmBotHost
{
    public const string ApiKey = "sk-llm-test-key-which-must-never-be-seen-0123456789";

    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Endpoint"] = "http://llm.invalid/v1",
            ["Llm:Model"] = "hostile-test-model",
            ["Llm:ApiKey"] = ApiKey,
            ["Llm:Timeout"] = "00:00:00.300",
            ["DirectLine:TokenRequestsPerMinute"] = "10000",
            ["Delivery:RetryDelay"] = "00:00:00",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    public static BotApplication Create(IChatClient client, CapturedLogs logs, Dictionary<string, string?>? extra = null) =>
        new("Development", Settings(extra), services =>
        {
            services.Replace(ServiceDescriptor.Singleton(client));
            services.AddSingleton<ILoggerProvider>(logs);
        });
}
