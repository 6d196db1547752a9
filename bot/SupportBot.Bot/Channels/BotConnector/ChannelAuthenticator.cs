using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>
/// Validates the bearer token on <c>/api/messages</c> (docs/protocol.md §3): channel tokens from
/// login.botframework.com, and Emulator/AAD tokens obtained with the bot's own credentials.
/// </summary>
/// <remarks>
/// The issuer, read before validation, only picks which key set and rules apply; every path then checks the
/// signature (RS256 only), lifetime (5 min skew, against the injected <see cref="TimeProvider"/>) and issuer.
/// Checks that need the activity (endorsement, service URL) are left to <see cref="ChannelIdentity.MaySend"/>.
/// <para>
/// Channels reuse one token for many calls, and an RS256 check costs more than the rest of a cheap turn, so a
/// validated token is remembered until it expires (plus skew) or the key set it was checked against changes.
/// Only tokens that passed are kept, so garbage cannot grow the cache; a full cache is simply emptied.
/// </para>
/// </remarks>
internal sealed class ChannelAuthenticator
{
    private const string BearerPrefix = "Bearer ";
    private const int MaxRememberedTokens = 4096;

    private readonly BotConnectorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly OpenIdKeySource? _channelKeys;
    private readonly OpenIdKeySource? _emulatorKeys;
    private readonly FrozenSet<string> _emulatorIssuers;
    private readonly ConcurrentDictionary<string, RememberedToken> _remembered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RememberedToken>.AlternateLookup<ReadOnlySpan<char>> _rememberedBySpan;

    public ChannelAuthenticator(IOptions<BotConnectorOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _rememberedBySpan = _remembered.GetAlternateLookup<ReadOnlySpan<char>>();

        IEnumerable<string> tenants = string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId)
            ? BotConnectorConstants.EmulatorTenantIds
            : [.. BotConnectorConstants.EmulatorTenantIds, _options.MicrosoftAppTenantId];
        _emulatorIssuers = tenants.SelectMany(BotConnectorConstants.AadIssuers).ToFrozenSet(StringComparer.Ordinal);

        if (_options.IsAuthenticationEnabled)
        {
            var httpClient = httpClientFactory.CreateClient(BotConnectorConstants.MetadataHttpClientName);
            _channelKeys = new OpenIdKeySource(
                _options.OpenIdMetadataUrl, httpClient, _options.RequireHttpsMetadata, CreateChannelParameters);
            _emulatorKeys = new OpenIdKeySource(
                _options.EmulatorOpenIdMetadataUrl, httpClient, _options.RequireHttpsMetadata, CreateEmulatorParameters);
        }
    }

    /// <summary>Checks the <c>Authorization</c> header of one request.</summary>
    public async ValueTask<ChannelAuthenticationResult> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (!_options.IsAuthenticationEnabled)
        {
            return ChannelAuthenticationResult.Success(ChannelIdentity.Anonymous);
        }

        if (authorization is null || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return ChannelAuthenticationResult.Failure("no bearer token");
        }

        if (_rememberedBySpan.TryGetValue(RawToken(authorization), out var remembered))
        {
            if (_timeProvider.GetUtcNow() <= remembered.ValidUntil
                && ReferenceEquals(await remembered.Source.GetSnapshotAsync(cancellationToken).ConfigureAwait(false), remembered.Keys))
            {
                return ChannelAuthenticationResult.Success(remembered.Identity);
            }

            _remembered.TryRemove(remembered.Token, out _);
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(RawToken(authorization).ToString());
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return ChannelAuthenticationResult.Failure("malformed token");
        }

        var isChannelToken = string.Equals(token.Issuer, BotConnectorConstants.ChannelIssuer, StringComparison.Ordinal);
        if (!isChannelToken && !_emulatorIssuers.Contains(token.Issuer))
        {
            return ChannelAuthenticationResult.Failure("unknown issuer");
        }

        var source = isChannelToken ? _channelKeys! : _emulatorKeys!;
        var (result, keys) = await ValidateAsync(source, token, cancellationToken).ConfigureAwait(false);
        if (result is null || keys is null)
        {
            return ChannelAuthenticationResult.Failure("OpenID metadata unavailable");
        }

        if (!result.IsValid)
        {
            return ChannelAuthenticationResult.Failure(result.Exception?.GetType().Name ?? "invalid token");
        }

        var authentication = isChannelToken ? IdentifyChannel(token, keys) : IdentifyEmulator(token);
        if (authentication.Identity is { } identity)
        {
            Remember(new RememberedToken(
                token.EncodedToken, identity, source, keys, new DateTimeOffset(token.ValidTo, TimeSpan.Zero) + BotConnectorConstants.ClockSkew));
        }

        return authentication;
    }

    private static ReadOnlySpan<char> RawToken(string authorization) => authorization.AsSpan(BearerPrefix.Length).Trim();

    private static ChannelAuthenticationResult IdentifyChannel(JsonWebToken token, OpenIdKeySnapshot keys)
    {
        token.TryGetPayloadValue<string>(BotConnectorConstants.ServiceUrlClaim, out var serviceUrl);
        return ChannelAuthenticationResult.Success(ChannelIdentity.Channel(keys, token.SigningKey?.KeyId ?? token.Kid, serviceUrl));
    }

    private ChannelAuthenticationResult IdentifyEmulator(JsonWebToken token)
    {
        // v1.0 tokens name the client in appid, v2.0 tokens in azp; either must be this bot (BBD EmulatorValidation).
        token.TryGetPayloadValue<string>(BotConnectorConstants.VersionClaim, out var version);
        var clientClaim = version switch
        {
            "1.0" => BotConnectorConstants.AppIdClaim,
            "2.0" => BotConnectorConstants.AuthorizedPartyClaim,
            _ => null,
        };
        if (clientClaim is null
            || !token.TryGetPayloadValue<string>(clientClaim, out var clientId)
            || !string.Equals(clientId, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase))
        {
            return ChannelAuthenticationResult.Failure("emulator token for another app");
        }

        return ChannelAuthenticationResult.Success(ChannelIdentity.Emulator);
    }

    private void Remember(RememberedToken remembered)
    {
        if (_remembered.Count >= MaxRememberedTokens)
        {
            _remembered.Clear();
        }

        _remembered[remembered.Token] = remembered;
    }

    /// <summary>Validates against the cached keys, and once more after a refresh if the token names a key we lack.</summary>
    private async ValueTask<(TokenValidationResult? Result, OpenIdKeySnapshot? Keys)> ValidateAsync(
        OpenIdKeySource source, JsonWebToken token, CancellationToken cancellationToken)
    {
        OpenIdKeySnapshot keys;
        try
        {
            keys = await source.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // IdentityModel's way of saying the metadata could not be fetched and nothing is cached.
            return (null, null);
        }

        var result = await _handler.ValidateTokenAsync(token, keys.Parameters).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            source.RequestRefresh();
            var refreshed = await source.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
            if (!ReferenceEquals(refreshed, keys))
            {
                keys = refreshed;
                result = await _handler.ValidateTokenAsync(token, keys.Parameters).ConfigureAwait(false);
            }
        }

        return (result, keys);
    }

    private TokenValidationParameters CreateChannelParameters()
    {
        var parameters = CreateCommonParameters();
        parameters.ValidIssuer = BotConnectorConstants.ChannelIssuer;
        parameters.ValidateAudience = true;
        parameters.AudienceValidator = (audiences, _, _) =>
            audiences.Any(a => string.Equals(a, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase));
        return parameters;
    }

    private TokenValidationParameters CreateEmulatorParameters()
    {
        var parameters = CreateCommonParameters();
        parameters.ValidIssuers = _emulatorIssuers;

        // As in BBD: the audience depends on how the Emulator asked; the appid/azp check binds the token to this bot.
        parameters.ValidateAudience = false;
        return parameters;
    }

    private TokenValidationParameters CreateCommonParameters() => new()
    {
        ValidateIssuer = true,
        ValidAlgorithms = [BotConnectorConstants.SigningAlgorithm],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = BotConnectorConstants.ClockSkew,
        LifetimeValidator = IsWithinLifetime,
        ValidateIssuerSigningKey = false,
        ValidateTokenReplay = false,
        SaveSigninToken = false,
        LogValidationExceptions = false,
    };

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            return false;
        }

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var skew = BotConnectorConstants.ClockSkew;
        return now <= expires.Value.ToUniversalTime() + skew
            && (notBefore is null || now >= notBefore.Value.ToUniversalTime() - skew);
    }

    /// <summary>A token that passed validation, and what it was checked against.</summary>
    private sealed record RememberedToken(
        string Token, ChannelIdentity Identity, OpenIdKeySource Source, OpenIdKeySnapshot Keys, DateTimeOffset ValidUntil);
}
