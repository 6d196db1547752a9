using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Dialogs.Redaction;
using SupportBot.Dialogs.Understanding.Llm;

namespace SupportBot.Bot.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// The optional LLM (SPEC §6). Its options are always validated; the services exist only when <c>Llm:Endpoint</c>
    /// is set, so an unconfigured bot has no LLM object at all and the turn pipeline pays one null check.
    /// </summary>
    public static IServiceCollection AddOptionalLlm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        if (string.IsNullOrWhiteSpace(configuration[$"{LlmOptions.SectionName}:Endpoint"]))
        {
            return services;
        }

        services.TryAddSingleton<IChatClient>(provider => OpenAIChatClientAdapter.Create(provider.GetRequiredService<IOptions<LlmOptions>>().Value));
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<LlmOptions>>().Value;
            var client = new ResilientChatClient(provider.GetRequiredService<IChatClient>(), options, provider.GetRequiredService<TimeProvider>());
            return new LlmIntentProposer(client, options.MinimumConfidence);
        });
        services.TryAddSingleton(provider => new LlmInputScrubber(
            provider.GetRequiredService<Redactor>(), provider.GetRequiredService<IOptions<LlmOptions>>().Value.MaxInputCharacters));
        services.TryAddSingleton<LlmIntentAdvisor>();
        return services;
    }
}
