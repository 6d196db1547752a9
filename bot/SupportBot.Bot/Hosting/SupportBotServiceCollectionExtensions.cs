using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Conversation;
using SupportBot.Bot.Countries;
using SupportBot.Bot.Delivery;
using SupportBot.Bot.Accounts;
using SupportBot.Bot.CodeEntry;
using SupportBot.Bot.LanguageChoice;
using SupportBot.Bot.Llm;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Protocol;
using SupportBot.Bot.Reports;
using SupportBot.Bot.Security;
using SupportBot.Bot.Security.BotChallenge;
using SupportBot.Bot.Security.LookupLimits;
using SupportBot.Bot.Security.OutputFilter;
using SupportBot.Bot.Storage.Sqlite;
using SupportBot.Bot.Verification;
using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Localization;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Bot.Hosting;

/// <summary>
/// Registers everything behind the channels: localisation, understanding, the engine, storage, the account
/// directory, verification, delivery and cases. The web host and the command line share it.
/// </summary>
public static class SupportBotServiceCollectionExtensions
{
    public static IServiceCollection AddSupportBotCore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.TryAddSingleton(TimeProvider.System);

        // Files: the data folder (database, keys) and the localisation team's folder.
        services.AddOptions<DataDirectoryOptions>().BindConfiguration("Data").ValidateDataAnnotations().ValidateOnStart();
        var dataDirectory = ResolveDataDirectory(configuration, environment);
        services.AddOptions<LocalesOptions>().BindConfiguration("Locales");
        var locales = LocaleFolder.Resolve(configuration["Locales:Path"], environment.ContentRootPath);
        services.TryAddSingleton(locales);

        // Storage: SQLite in the data folder unless a connection string says otherwise.
        services.AddSqliteStorage(options =>
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString) && string.IsNullOrWhiteSpace(configuration["Storage:Sqlite:Path"]))
            {
                options.Path = Path.Combine(dataDirectory, "supportbot.db");
            }
        });

        // Localisation: catalogs behind IStringLocalizer, and the host's renderer.
        services.AddCatalogLocalization(locales.Root, configuration.GetValue<bool?>("Locales:PseudoLocales") ?? !environment.IsProduction());

        // Understanding: the local recognizer, trained at start-up from every language's examples.
        services.TryAddSingleton<IIntentRecognizer>(provider => NluModels.TrainRecognizer(provider.GetRequiredService<LocaleFolder>()));
        services.TryAddSingleton(provider => CommandLexicon.Parse(provider.GetRequiredService<LocaleFolder>().ReadEach("commands.json")));
        services.TryAddSingleton(provider => LanguageChoice.LanguageNamesLoader.Read(provider.GetRequiredService<LocaleFolder>()));
        services.TryAddSingleton<UtteranceInterpreter>();
        services.AddOptionalLlm(configuration); // off unless Llm:Endpoint is set (Llm/)
        // Profiles first: their default languages back the language choice's last resort.
        services.AddCountryProfiles(locales.Root, environment);
        services.AddLanguageChoice();
        services.TryAddSingleton(provider => new SupportedLanguages(
            [.. provider.GetRequiredService<LocaleFolder>().LanguagesWith("messages.json"), .. provider.GetRequiredService<Localization.Tooling.PseudoLocaleCatalogs>().Languages],
            provider.GetRequiredService<IOptions<LocalesOptions>>().Value.DefaultLanguage));

        // The engine.
        services.AddOptions<RecoveryEngineOptions>().BindConfiguration("Engine").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(provider => new RecoveryEngine(provider.GetRequiredService<IOptions<RecoveryEngineOptions>>().Value));

        // The platform's account directory: the demo accounts unless a real one is configured.
        services.AddOptions<DemoDirectoryOptions>().BindConfiguration("Directory").ValidateDataAnnotations().ValidateOnStart();
        var demo = configuration.GetValue("Directory:Demo", defaultValue: true);
        services.AddVerificationPolicy(configuration, dataDirectory);

        // Verification: codes, throttles, keyed hashes.
        services.AddOptions<VerificationOptions>().BindConfiguration("Verification").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(provider => new KeyedHasher(VerificationPolicyServiceCollectionExtensions.VerificationKey(provider, dataDirectory)));
        services.TryAddSingleton<VerificationService>();

        // Delivery: an encrypted outbox drained in the background; the demo sink outside Production.
        services.AddDataProtection()
            .SetApplicationName("SupportBot")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys", "data-protection")));
        services.TryAddSingleton<OutboxWriter>();
        services.TryAddSingleton<OutboxDeliveryWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDeliveryWorker>());
        services.AddConfiguredSenders(configuration);
        services.AddSecurityNotices();
        services.AddSecretRedaction();
        services.AddOutputFilter();
        services.AddLookupRateLimit();
        Retention.RetentionServiceCollectionExtensions.AddRetention(services);
        Privacy.Logging.LogSanitizingServiceCollectionExtensions.AddLogSanitizing(services);
        Security.Hold.SecurityHoldServiceCollectionExtensions.AddSecurityHolds(services);
        services.AddBotChallenge(dataDirectory);
        services.AddCodeEntry();
        if (demo && !environment.IsProduction())
        {
            services.TryAddSingleton<DevOutboxSender>();
            services.AddSingleton<IMessageSender>(provider => provider.GetRequiredService<DevOutboxSender>());
        }

        // Cases, availability and the bot itself.
        services.TryAddSingleton<CaseService>();
        services.TryAddSingleton<ReplyRenderer>();
        services.TryAddSingleton<RecoveryBot>();
        services.TryAddSingleton<IBot>(provider => provider.GetRequiredService<RecoveryBot>());
        services.AddTakeoverReport();
        return services;
    }

    /// <summary>Migrates the database and trains the recognizer before the first request, so errors show at start-up.</summary>
    public static async Task InitializeSupportBotAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await services.GetRequiredService<SqliteDatabase>().MigrateAsync(cancellationToken);
        // The two models train side by side (each language's recognizer in parallel too): start-up stays within budget.
        await Task.WhenAll(
            Task.Run(() => services.GetRequiredService<IIntentRecognizer>(), cancellationToken),
            Task.Run(() => services.GetRequiredService<SupportBot.Dialogs.LanguageDetection.LanguageDetector>(), cancellationToken));
        _ = services.GetRequiredService<UtteranceInterpreter>();
        _ = services.GetRequiredService<LanguageNegotiator>();
        _ = services.GetRequiredService<SupportedLanguages>();
        _ = services.GetRequiredService<JsonStringLocalizerFactory>();
        _ = services.GetRequiredService<CountryResolver>();
        _ = services.GetRequiredService<SupportBot.Dialogs.Redaction.Redactor>();
    }

    private static string ResolveDataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Data:Directory"] is { Length: > 0 } value ? value : "data";
        var path = Path.IsPathRooted(configured) ? configured : Path.Combine(environment.ContentRootPath, configured);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}
