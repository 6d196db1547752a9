using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>Settings of <c>POST /api/messages</c>, bound from the <c>BotConnector</c> section and checked at start-up.</summary>
internal sealed class BotConnectorOptions : IValidatableObject
{
    /// <summary>The bot's Microsoft App ID: the audience of channel tokens and the client id of outbound tokens.</summary>
    /// <value>None by default: the endpoint then accepts unauthenticated calls (local use, Emulator) and replies without a token.</value>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret for the outbound client-credentials token.</summary>
    /// <value>Required when <see cref="MicrosoftAppId"/> is set.</value>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The tenant of a single-tenant bot.</summary>
    /// <value>None by default (multi-tenant, authority <c>botframework.com</c>).</value>
    /// <remarks>Its AAD issuers are accepted on the Emulator path and it picks the default <see cref="TokenEndpoint"/>.</remarks>
    [RegularExpression("^[A-Za-z0-9.-]*$")]
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of the Bot Framework channel tokens.</summary>
    /// <value>The default is <c>https://login.botframework.com/v1/.well-known/openidconfiguration</c>.</value>
    [Required]
    [Url]
    public string OpenIdMetadataUrl { get; set; } = BotConnectorConstants.DefaultOpenIdMetadataUrl;

    /// <summary>OpenID metadata of Emulator/AAD tokens.</summary>
    /// <value>The default is the <c>botframework.com</c> v2.0 metadata of login.microsoftonline.com.</value>
    [Required]
    [Url]
    public string EmulatorOpenIdMetadataUrl { get; set; } = BotConnectorConstants.DefaultEmulatorOpenIdMetadataUrl;

    /// <summary>Where the outbound client-credentials token is requested.</summary>
    /// <value>By default <c>https://login.microsoftonline.com/{tenant or botframework.com}/oauth2/v2.0/token</c>.</value>
    public string? TokenEndpoint { get; set; }

    /// <summary>The largest request body accepted; larger ones get 413.</summary>
    /// <value>The default is 256 KiB.</value>
    [Range(BotConnectorConstants.MinMaxBodyBytes, BotConnectorConstants.MaxMaxBodyBytes)]
    public int MaxBodyBytes { get; set; } = BotConnectorConstants.DefaultMaxBodyBytes;

    /// <summary>Whether the metadata, key and token endpoints must be https.</summary>
    /// <value>The default is true.</value>
    /// <remarks>Turn off only for local test endpoints: these endpoints carry the signing keys and the client secret.</remarks>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>True when an app id is configured, so calls must carry a valid token and replies carry one.</summary>
    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The configured token endpoint, or the default for the tenant.</summary>
    public string GetTokenEndpoint() => string.IsNullOrWhiteSpace(TokenEndpoint)
        ? $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? BotConnectorConstants.MultiTenantAuthority : MicrosoftAppTenantId)}/oauth2/v2.0/token"
        : TokenEndpoint;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsAuthenticationEnabled && string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            yield return new ValidationResult(
                "MicrosoftAppPassword is required when MicrosoftAppId is set.", [nameof(MicrosoftAppPassword)]);
        }

        if (!IsAbsoluteHttpUri(GetTokenEndpoint(), RequireHttpsMetadata))
        {
            yield return new ValidationResult(
                RequireHttpsMetadata ? "TokenEndpoint must be an absolute https URL." : "TokenEndpoint must be an absolute http(s) URL.",
                [nameof(TokenEndpoint)]);
        }

        if (RequireHttpsMetadata)
        {
            if (!IsAbsoluteHttpUri(OpenIdMetadataUrl, requireHttps: true))
            {
                yield return new ValidationResult("OpenIdMetadataUrl must be https.", [nameof(OpenIdMetadataUrl)]);
            }

            if (!IsAbsoluteHttpUri(EmulatorOpenIdMetadataUrl, requireHttps: true))
            {
                yield return new ValidationResult("EmulatorOpenIdMetadataUrl must be https.", [nameof(EmulatorOpenIdMetadataUrl)]);
            }
        }
    }

    private static bool IsAbsoluteHttpUri(string? value, bool requireHttps) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (!requireHttps && uri.Scheme == Uri.UriSchemeHttp));
}
