using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Bot.Conversation;

namespace SupportBot.Bot.Agents;

/// <summary>Registers the agent console, its API, the handoff to agents and to an external hub.</summary>
public static class AgentConsoleServiceCollectionExtensions
{
    public static IServiceCollection AddAgentConsole(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<AgentOptions>().BindConfiguration("Agents").ValidateDataAnnotations()
            .Validate(o => !o.Hub.IsConfigured || !string.IsNullOrWhiteSpace(o.Hub.Secret), "Agents:Hub:Secret is required when Agents:Hub:Url is set.")
            .ValidateOnStart();

        // Cookies: HttpOnly, SameSite=Strict, only over HTTPS outside Development, scoped to the console's paths.
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        var lifetime = configuration.GetValue<TimeSpan?>("Agents:SessionLifetime") ?? TimeSpan.FromHours(8);
        services.AddAuthentication(AgentEndpoints.Scheme).AddCookie(AgentEndpoints.Scheme, options =>
        {
            options.Cookie.Name = "sb-agent";
            options.Cookie.Path = "/agent";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure;
            options.ExpireTimeSpan = lifetime;
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization();
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AgentEndpoints.CsrfHeader;
            options.Cookie.Name = "sb-agent-csrf";
            options.Cookie.Path = "/agent";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure;
        });

        services.TryAddSingleton<AgentAccounts>();
        services.TryAddSingleton<AgentEventHub>();
        services.TryAddSingleton<UserChannel>();
        services.TryAddSingleton<TranscriptExport>();
        services.TryAddSingleton<HubClient>();
        services.TryAddSingleton<AgentDesk>();
        services.TryAddSingleton<HubStatusHandler>();
        services.TryAddSingleton<IAgentHandoff, AgentRelay>();
        services.AddHttpClient(HubClient.HttpClientName).ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(10));
        if (DemoAgentSeeder.ShouldSeed(configuration, environment))
        {
            services.AddHostedService<DemoAgentSeeder>();
        }

        DecorateAvailability(services);
        return services;
    }

    /// <summary>Wraps whatever support schedule is registered with agent presence (<see cref="StaffedSupportAvailability"/>).</summary>
    private static void DecorateAvailability(IServiceCollection services)
    {
        var schedule = services.LastOrDefault(d => d.ServiceType == typeof(ISupportAvailability))
            ?? throw new InvalidOperationException("Register the support schedule (AddSupportBotCore) before the agent console.");
        services.Remove(schedule);
        services.AddSingleton<ISupportAvailability>(provider => new StaffedSupportAvailability(
            schedule.ImplementationInstance as ISupportAvailability
                ?? schedule.ImplementationFactory?.Invoke(provider) as ISupportAvailability
                ?? (ISupportAvailability)ActivatorUtilities.CreateInstance(provider, schedule.ImplementationType!),
            provider.GetRequiredService<AgentEventHub>(),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AgentOptions>>()));
    }
}
