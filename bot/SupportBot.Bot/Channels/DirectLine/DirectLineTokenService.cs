using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: HS256 JWTs holding the conversation id and the <c>user</c> claim that
/// DirectLineJS and Web Chat read. Each secret yields its own signing key through HKDF, so the secret itself never
/// keys an HMAC and a token reveals nothing about it.
/// </summary>
internal sealed class DirectLineTokenService
{
    private static readonly byte[] KeySalt = "SupportBot.DirectLine"u8.ToArray();
    private static readonly byte[] KeyInfo = "token-signing-key/v1"u8.ToArray();

    private static readonly TimeSpan NotBeforeSkew = TimeSpan.FromMinutes(5);

    private readonly byte[][] _secrets;
    private readonly SigningCredentials _signingCredentials;
    private readonly TokenValidationParameters _validationParameters;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _lifetime;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider timeProvider)
    {
        var value = options.Value;
        _timeProvider = timeProvider;
        _lifetime = value.TokenLifetime;
        _secrets = [.. value.Secrets.Select(Encoding.UTF8.GetBytes)];

        var keys = _secrets.Select(DeriveKey).ToArray();
        _signingCredentials = new SigningCredentials(keys[0], SecurityAlgorithms.HmacSha256);
        _validationParameters = new TokenValidationParameters
        {
            ValidIssuer = DirectLineConstants.TokenIssuer,
            ValidAudience = DirectLineConstants.TokenAudience,
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,

            // Checked on the injected clock. Expiry is exact; "not before" tolerates another node's clock, or this
            // one stepping back, by a few minutes.
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = _timeProvider.GetUtcNow().UtcDateTime;
                return expires is { } end && now < end && (notBefore is not { } start || start - NotBeforeSkew <= now);
            },
        };
    }

    /// <summary>Whether <paramref name="candidate"/> is one of the configured secrets (constant time per secret).</summary>
    public bool IsSecret(string candidate)
    {
        var bytes = Encoding.UTF8.GetBytes(candidate);
        var match = false;
        foreach (var secret in _secrets)
        {
            match |= CryptographicOperations.FixedTimeEquals(bytes, secret);
        }

        return match;
    }

    public DirectLineIssuedToken Issue(string conversationId, string userId, string? locale, string? admission = null)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [DirectLineConstants.ConversationClaim] = conversationId,
            [DirectLineConstants.UserClaim] = userId,
        };
        if (locale is not null)
        {
            claims[DirectLineConstants.LocaleClaim] = locale;
        }

        if (admission is not null)
        {
            claims[DirectLineAdmission.Claim] = admission;
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DirectLineConstants.TokenIssuer,
            Audience = DirectLineConstants.TokenAudience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _lifetime,
            Claims = claims,
            SigningCredentials = _signingCredentials,
        });
        return new DirectLineIssuedToken(token, (int)_lifetime.TotalSeconds);
    }

    /// <summary>The token's claims, or <see langword="null"/> if it is malformed, forged, expired or lacks a claim.</summary>
    public async Task<DirectLineTokenClaims?> ValidateAsync(string token)
    {
        if (token.Length is 0 or > DirectLineConstants.MaxTokenLength)
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, _validationParameters);
        if (!result.IsValid
            || result.SecurityToken is not JsonWebToken jwt
            || !jwt.TryGetPayloadValue<string>(DirectLineConstants.ConversationClaim, out var conversationId)
            || !jwt.TryGetPayloadValue<string>(DirectLineConstants.UserClaim, out var userId)
            || string.IsNullOrEmpty(conversationId)
            || string.IsNullOrEmpty(userId))
        {
            return null;
        }

        var locale = jwt.TryGetPayloadValue<string>(DirectLineConstants.LocaleClaim, out var value) ? value : null;
        var expiresAt = new DateTimeOffset(DateTime.SpecifyKind(jwt.ValidTo, DateTimeKind.Utc));
        var admission = jwt.TryGetPayloadValue<string>(DirectLineAdmission.Claim, out var vouched) ? vouched : null;
        return new DirectLineTokenClaims(conversationId, userId, locale, expiresAt, admission);
    }

    /// <summary>A caller's own token handed back as it is (not extended), with the seconds it has left.</summary>
    public DirectLineIssuedToken Current(DirectLineCaller.Token caller) =>
        new(caller.Value, (int)Math.Max(0, (caller.Claims.ExpiresAt - _timeProvider.GetUtcNow()).TotalSeconds));

    private static SymmetricSecurityKey DeriveKey(byte[] secret)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, outputLength: 32, KeySalt, KeyInfo);

        // The key id lets validation pick the right key among rotated secrets; a hash of a 256-bit key reveals nothing.
        return new SymmetricSecurityKey(key) { KeyId = Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8)) };
    }
}
