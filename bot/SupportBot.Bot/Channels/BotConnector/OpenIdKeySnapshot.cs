using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>
/// What one fetch of OpenID metadata yields for validation: ready-made validation parameters holding its
/// signing keys, and each key's <c>endorsements</c> (the channels it may sign for).
/// </summary>
/// <remarks>Built once per fetched configuration so that a turn only looks things up.</remarks>
internal sealed class OpenIdKeySnapshot
{
    private readonly FrozenDictionary<string, FrozenSet<string>> _endorsements;

    public OpenIdKeySnapshot(OpenIdConnectConfiguration configuration, TokenValidationParameters parameters)
    {
        Configuration = configuration;
        Parameters = parameters;
        Parameters.IssuerSigningKeys = configuration.SigningKeys;
        _endorsements = ReadEndorsements(configuration.JsonWebKeySet);
    }

    public OpenIdConnectConfiguration Configuration { get; }

    public TokenValidationParameters Parameters { get; }

    /// <summary>True when the key with <paramref name="keyId"/> lists <paramref name="channelId"/> among its endorsements.</summary>
    public bool IsEndorsed(string? keyId, string? channelId) =>
        keyId is not null
        && !string.IsNullOrEmpty(channelId)
        && _endorsements.TryGetValue(keyId, out var channels)
        && channels.Contains(channelId);

    private static FrozenDictionary<string, FrozenSet<string>> ReadEndorsements(JsonWebKeySet? keySet)
    {
        var endorsements = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        if (keySet is null)
        {
            return endorsements.ToFrozenDictionary(StringComparer.Ordinal);
        }

        foreach (var key in keySet.Keys)
        {
            if (key.Kid is null || !key.AdditionalData.TryGetValue(BotConnectorConstants.EndorsementsProperty, out var value))
            {
                continue;
            }

            var channels = value switch
            {
                JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.String)
                    .Select(e => e.GetString()!),
                string single => [single],
                IEnumerable<string> strings => strings,
                System.Collections.IEnumerable items => items.OfType<object>().Select(o => o.ToString()!),
                _ => [],
            };
            endorsements[key.Kid] = channels.ToFrozenSet(StringComparer.Ordinal);
        }

        return endorsements.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
