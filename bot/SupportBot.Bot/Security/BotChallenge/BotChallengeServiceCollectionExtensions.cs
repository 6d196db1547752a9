using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Storage.Sqlite;

namespace SupportBot.Bot.Security.BotChallenge;

public static class BotChallengeServiceCollectionExtensions
{
    /// <summary>The proof-of-work bot challenge and the lookup gate behind it (security.md D3); options checked at start-up.</summary>
    public static IServiceCollection AddBotChallenge(this IServiceCollection services, string dataDirectory)
    {
        services.AddOptions<BotChallengeOptions>().BindConfiguration(BotChallengeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.TryAddSingleton<AdaptiveDifficulty>();
        services.TryAddSingleton(provider => new SqliteBotChallengeStore(provider.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton(provider => new BotChallengeService(
            ChallengeKeys.Load(provider, dataDirectory),
            provider.GetRequiredService<IOptions<BotChallengeOptions>>(),
            provider.GetRequiredService<AdaptiveDifficulty>(),
            provider.GetRequiredService<SqliteBotChallengeStore>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ChallengeLookupGate>();
        return services;
    }
}
