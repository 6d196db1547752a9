using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Accounts;
using SupportBot.Bot.Accounts.Demo;
using SupportBot.Bot.Accounts.Http;
using SupportBot.Bot.Hosting;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Verification.OwnerNotices;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Bot.Verification;

/// <summary>Registers the account directory the configuration selects and the verification policy's parts.</summary>
internal static class VerificationPolicyServiceCollectionExtensions
{
    /// <summary>
    /// <c>Directory:Demo</c> true (the default) selects the demo directory in SQLite; false selects the HTTP adapter,
    /// whose <c>Directory:Http</c> options are validated at start-up (a missing base address stops the host).
    /// </summary>
    public static IServiceCollection AddVerificationPolicy(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var demo = configuration.GetValue("Directory:Demo", defaultValue: true);
        services.AddOptions<HttpAccountDirectoryOptions>().BindConfiguration("Directory:Http").ValidateDataAnnotations()
            .Validate(
                options => demo || options.BaseAddress is { IsAbsoluteUri: true, Scheme: "http" or "https" },
                "Directory:Http:BaseAddress must be an absolute http(s) address when Directory:Demo is false.")
            .Validate(options => options.TotalTimeout >= options.AttemptTimeout, "Directory:Http:TotalTimeout must be at least AttemptTimeout.")
            .ValidateOnStart();
        if (demo)
        {
            services.TryAddSingleton<IAccountDirectory, SqliteDemoAccountDirectory>();
        }
        else
        {
            services.TryAddSingleton<IAccountDirectory, HttpAccountDirectory>();
        }

        services.AddOptionsWithValidateOnStart<VerificationOptions>()
            .Validate(options => options.SlowPathAfterFailures > options.PauseAfterFailures, "Verification:SlowPathAfterFailures must be above PauseAfterFailures.")
            .Validate(options => options.BackoffInitial <= options.PauseDuration, "Verification:BackoffInitial must not exceed PauseDuration.");
        services.TryAddSingleton(provider => new ContactMaskChooser(VerificationKey(provider, dataDirectory)));
        services.TryAddSingleton<IOwnerNoticeStore, SqliteOwnerNoticeStore>();
        services.TryAddSingleton<OwnerNoticeRequester>();
        services.TryAddSingleton(provider => ClaimLexicon.Parse(provider.GetRequiredService<LocaleFolder>().ReadEach("claims.json")));
        return services;
    }

    /// <summary>The verification HMAC key (configured, or the data folder's); masks and code hashes share it.</summary>
    public static byte[] VerificationKey(IServiceProvider provider, string dataDirectory)
    {
        var configured = provider.GetRequiredService<IOptions<VerificationOptions>>().Value.HashKey;
        return string.IsNullOrWhiteSpace(configured)
            ? KeyFile.LoadOrCreate(Path.Combine(dataDirectory, "keys", "verification.key"), 32)
            : Convert.FromBase64String(configured);
    }
}
