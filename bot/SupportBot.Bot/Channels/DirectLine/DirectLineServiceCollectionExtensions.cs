using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>Registers the Direct Line 3.0 server.</summary>
public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Direct Line server: <see cref="DirectLineOptions"/> bound to the <c>DirectLine</c> section and validated
    /// at start-up, tokens, conversations, <see cref="IDirectLineConversations"/>, the CORS policy the official clients
    /// need and the token-exchange rate limit.
    /// </summary>
    /// <remarks>
    /// The host must also register an <see cref="Protocol.IBot"/> (resolved in a new scope for each turn, so any
    /// lifetime works) and an <see cref="Storage.ITranscriptStore"/>, and add <c>UseWebSockets</c>, <c>UseCors</c> and
    /// <c>UseRateLimiter</c> to the pipeline before <see cref="DirectLineEndpointRouteBuilderExtensions.MapDirectLine"/>.
    /// A <see cref="TimeProvider"/> is added unless one is registered already.
    /// </remarks>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<DirectLineOptions>, DirectLineOptionsPostConfigure>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineConversationRegistry>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<IDirectLineConversations>(provider => provider.GetRequiredService<DirectLineConversations>());
        services.AddSingleton<DirectLineAuthenticator>();

        // DirectLineJS sends these from any page that embeds Web Chat (its rxjs ajax adds X-Requested-With), and reads
        // Retry-After on 429.
        services.AddCors(cors => cors.AddPolicy(DirectLineConstants.CorsPolicyName, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders(HeaderNames.Authorization, "x-ms-bot-agent", HeaderNames.ContentType, HeaderNames.XRequestedWith)
            .WithExposedHeaders(HeaderNames.RetryAfter)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        services.AddRateLimiter(limiter => limiter.AddPolicy<string, DirectLineTokenExchangeRateLimiterPolicy>(
            DirectLineConstants.TokenExchangeRateLimiterPolicyName));
        return services;
    }
}
