using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.CodeEntry;

public static class CodeEntryServiceCollectionExtensions
{
    /// <summary>The code box (security.md A3); its options (section <c>CodeEntry</c>) are checked at start-up.</summary>
    public static IServiceCollection AddCodeEntry(this IServiceCollection services)
    {
        services.AddOptions<CodeEntryOptions>().BindConfiguration(CodeEntryOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CodeEntryOptions>, CodeEntryOptionsValidator>());
        services.TryAddSingleton<CodeEntryCard>();
        services.TryAddSingleton<CodeEntryGate>();
        return services;
    }
}
