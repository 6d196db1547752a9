using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.Bot.Tests.BotConnector;

/// <summary>A locally generated RSA signing key, published as a JWK and used to sign test tokens.</summary>
internal sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigningKey(string keyId, params string[] endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = keyId };
    }

    public string KeyId { get; }

    public IReadOnlyList<string> Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    /// <summary>The JWK as login.botframework.com publishes it, with <c>endorsements</c>.</summary>
    public Dictionary<string, object> ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
            ["endorsements"] = Endorsements,
        };
    }

    public string CreateToken(
        string issuer, string? audience, DateTimeOffset notBefore, DateTimeOffset expires, IDictionary<string, object>? claims = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(SecurityKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with the given payload.</summary>
    public static string CreateUnsignedToken(IDictionary<string, object> payload)
    {
        static string Encode(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
        return $"{Encode(new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT" })}.{Encode(payload)}.";
    }

    public void Dispose() => _rsa.Dispose();
}
