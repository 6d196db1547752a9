using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Channels.BotConnector;
using SupportBot.Bot.Channels.DirectLine;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Security.BotChallenge;

/// <summary>
/// Decides, before an identifier is looked up, whether this conversation may look one up at all (security.md D3): an
/// anonymous conversation only after its page passed the challenge, and only <see cref="BotChallengeOptions.MaxLookupsPerConversation"/>
/// times; exempt origins (trusted back ends, authenticated channels, the terminal) always. The refusal is one fixed reply,
/// chosen before and without the identifier, so it says nothing about any account.
/// </summary>
public sealed partial class ChallengeLookupGate(
    IOptions<BotChallengeOptions> options,
    IHttpContextAccessor http,
    IHostEnvironment environment,
    IServiceProvider services,
    IAuditLog audit,
    TimeProvider timeProvider,
    ILogger<ChallengeLookupGate> logger)
{
    /// <summary>Reply when the conversation never passed the challenge.</summary>
    public const string UnchallengedReply = "challenge.lookup.unchallenged";

    /// <summary>Reply when the conversation used up its lookups.</summary>
    public const string LimitReply = "challenge.lookup.limit";

    private readonly BotChallengeOptions _options = options.Value;

    /// <summary>
    /// <see langword="null"/> when the lookup may run (and, in an anonymous conversation, counts it); otherwise the key of
    /// the reply to give instead. Refusals are audited as <c>lookup_unchallenged</c> / <c>lookup_conversation_limit</c>.
    /// </summary>
    public async Task<string?> RefusalAsync(string conversationId, CancellationToken cancellationToken)
    {
        var origin = await OriginAsync();
        if (IsExempt(origin))
        {
            return null;
        }

        string reply;
        if (origin != ConversationOrigin.ChallengedToken)
        {
            reply = UnchallengedReply;
        }
        else if (await services.GetRequiredService<SqliteBotChallengeStore>()
            .TryCountLookupAsync(conversationId, _options.MaxLookupsPerConversation, timeProvider.GetUtcNow(), cancellationToken))
        {
            return null;
        }
        else
        {
            reply = LimitReply;
        }

        var eventType = reply == UnchallengedReply ? "lookup_unchallenged" : "lookup_conversation_limit";
        LogRefused(logger, conversationId, eventType);
        await audit.AppendAsync(
            new AuditEvent(eventType, timeProvider.GetUtcNow(), "bot", conversationId, null, null, JsonSerializer.Serialize(new { origin = origin.ToString() })),
            cancellationToken);
        return reply;
    }

    /// <summary>Who stands behind the current turn, read from the request that carries it.</summary>
    public async Task<ConversationOrigin> OriginAsync()
    {
        if (http.HttpContext is not { } context)
        {
            return ConversationOrigin.Terminal;
        }

        var path = context.Request.Path;
        if (path.StartsWithSegments(DirectLineConstants.RoutePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var authentication = await context.RequestServices.GetRequiredService<DirectLineAuthenticator>().AuthenticateAsync(context.Request);
            return authentication.IsFailed ? ConversationOrigin.Unknown : authentication.Caller switch
            {
                DirectLineCaller.Secret => ConversationOrigin.DirectLineSecret,
                DirectLineCaller.Token { Claims.Admission: DirectLineAdmission.Issuer } => ConversationOrigin.SecretIssuedToken,
                DirectLineCaller.Token { Claims.Admission: DirectLineAdmission.Challenge } => ConversationOrigin.ChallengedToken,
                _ => ConversationOrigin.UnchallengedToken,
            };
        }

        if (path.StartsWithSegments(BotConnectorConstants.Route, StringComparison.OrdinalIgnoreCase))
        {
            // With an app id the handler has validated the caller's JWT before any turn runs.
            var connector = context.RequestServices.GetService<IOptions<BotConnectorOptions>>()?.Value;
            return connector?.IsAuthenticationEnabled == true ? ConversationOrigin.AuthenticatedBotConnector : ConversationOrigin.UnauthenticatedBotConnector;
        }

        return ConversationOrigin.Unknown;
    }

    private bool IsExempt(ConversationOrigin origin) => origin switch
    {
        ConversationOrigin.Terminal => _options.ExemptTerminal,
        ConversationOrigin.DirectLineSecret => _options.ExemptDirectLineSecret,
        ConversationOrigin.SecretIssuedToken => _options.ExemptSecretIssuedTokens,
        ConversationOrigin.AuthenticatedBotConnector => _options.ExemptAuthenticatedBotConnector,
        ConversationOrigin.UnauthenticatedBotConnector => _options.ExemptUnauthenticatedBotConnector ?? !environment.IsProduction(),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an identifier lookup in conversation {ConversationId}: {Reason}.")]
    private static partial void LogRefused(ILogger logger, string conversationId, string reason);
}
