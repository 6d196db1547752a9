namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>Fixed values of the Bot Connector protocol (docs/protocol.md §3) and the defaults of <see cref="BotConnectorOptions"/>.</summary>
internal static class BotConnectorConstants
{
    public const string SectionName = "BotConnector";
    public const string Route = "/api/messages";

    /// <summary>The named HttpClient that posts replies and fetches the outbound token.</summary>
    public const string ConnectorHttpClientName = "SupportBot.BotConnector";

    /// <summary>The named HttpClient that fetches OpenID metadata and signing keys.</summary>
    public const string MetadataHttpClientName = "SupportBot.BotConnector.Metadata";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEmulatorOpenIdMetadataUrl = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";
    public const string MultiTenantAuthority = "botframework.com";
    public const int DefaultMaxBodyBytes = 256 * 1024;
    public const int MinMaxBodyBytes = 1024;
    public const int MaxMaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>The <c>iss</c> of tokens that Azure Bot Service channels send.</summary>
    public const string ChannelIssuer = "https://api.botframework.com";

    /// <summary>The scope of the token the bot sends with its replies.</summary>
    public const string ConnectorScope = "https://api.botframework.com/.default";

    public const string SigningAlgorithm = "RS256";
    public const string ServiceUrlClaim = "serviceurl";
    public const string VersionClaim = "ver";
    public const string AppIdClaim = "appid";
    public const string AuthorizedPartyClaim = "azp";
    public const string EndorsementsProperty = "endorsements";

    public const string ExpectRepliesDeliveryMode = "expectReplies";
    public const string InvokeResponseType = "invokeResponse";

    /// <summary>The Emulator's AAD tenants (botframework.com and its predecessor), per BBD <c>EmulatorValidation</c>.</summary>
    public static readonly string[] EmulatorTenantIds = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>How often signing keys are re-read even when nothing fails; the protocol asks for at most 24 h.</summary>
    public static readonly TimeSpan MetadataRefreshInterval = TimeSpan.FromHours(12);

    /// <summary>How long before <c>expires_in</c> the outbound token is replaced.</summary>
    public static readonly TimeSpan TokenRefreshMargin = TimeSpan.FromMinutes(5);

    /// <summary>Replies must be posted well inside the channel's 15 s answer budget.</summary>
    public static readonly TimeSpan ConnectorTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Issuers of Emulator/AAD tokens for one tenant (v1 and v2 endpoints).</summary>
    public static IEnumerable<string> AadIssuers(string tenantId) =>
        [$"https://sts.windows.net/{tenantId}/", $"https://login.microsoftonline.com/{tenantId}/v2.0"];
}
