namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>Names, routes and defaults of the Direct Line server (docs/protocol.md §1).</summary>
internal static class DirectLineConstants
{
    public const string ChannelId = "directline";
    public const string RoutePrefix = "/v3/directline";
    public const string TokenExchangeRoute = "/api/directline/token";
    public const string CorsPolicyName = "DirectLine";
    public const string TokenExchangeRateLimiterPolicyName = "DirectLineTokenExchange";

    /// <summary>Token user ids start with this; DirectLineJS treats the prefix as reserved for ids inside tokens.</summary>
    public const string UserIdPrefix = "dl_";

    public const string TokenIssuer = "supportbot/directline";
    public const string TokenAudience = "supportbot/directline";
    public const string ConversationClaim = "conv";

    /// <summary>The claim DirectLineJS and Web Chat read as the user id.</summary>
    public const string UserClaim = "user";
    public const string LocaleClaim = "locale";

    /// <summary>Longer bearer values are rejected before any parsing.</summary>
    public const int MaxTokenLength = 4096;
    public const int MaxIdLength = 256;
    public const int MaxLocaleLength = 64;

    /// <summary>Frames a stream may have queued before the client counts as too slow and is disconnected.</summary>
    public const int StreamOutboxCapacity = 1024;

    /// <summary>How long a closing stream waits for the client's close frame.</summary>
    public static readonly TimeSpan StreamCloseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A conversation unused this long drops its in-memory state (locks, last timestamp).</summary>
    public static readonly TimeSpan IdleConversationLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan IdleSweepPeriod = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromMinutes(30);
    public const int DefaultMaxMessageBytes = 256 * 1024;
    public const int DefaultMaxActivitiesPerPage = 100;
    public static readonly TimeSpan DefaultKeepAliveInterval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan DefaultBotTurnTimeout = TimeSpan.FromSeconds(15);
    public const int DefaultTokenRequestsPerMinute = 20;
    public const string DefaultBotId = "supportbot";
    public const string DefaultBotName = "SupportBot";
}
