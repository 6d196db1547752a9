namespace SupportBot.Bot.Security.BotChallenge;

/// <summary>Where a turn came from, as far as the bot challenge is concerned: who vouches for the sender.</summary>
public enum ConversationOrigin
{
    /// <summary>No HTTP request behind the turn: the terminal chat, run by whoever runs the host.</summary>
    Terminal,

    /// <summary>A Direct Line call with the secret: a trusted back end.</summary>
    DirectLineSecret,

    /// <summary>A Direct Line token the secret holder minted (<c>tokens/generate</c>, <c>POST /conversations</c> with the secret).</summary>
    SecretIssuedToken,

    /// <summary>A page token whose exchange carried a valid challenge solution.</summary>
    ChallengedToken,

    /// <summary>A page token issued without a solution (<c>RequireForTokenExchange=false</c>), or one older than the challenge.</summary>
    UnchallengedToken,

    /// <summary><c>/api/messages</c> with a validated Bot Framework JWT.</summary>
    AuthenticatedBotConnector,

    /// <summary><c>/api/messages</c> without an app id: nothing authenticates the caller.</summary>
    UnauthenticatedBotConnector,

    /// <summary>Anything else: treated as anonymous and unchallenged.</summary>
    Unknown,
}
