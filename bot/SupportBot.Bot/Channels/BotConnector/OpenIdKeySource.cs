using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>
/// Signing keys from one OpenID metadata address, fetched and cached by IdentityModel's
/// <see cref="ConfigurationManager{T}"/> (re-read every 12 h, or sooner when an unknown key id shows up).
/// </summary>
internal sealed class OpenIdKeySource
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly Func<TokenValidationParameters> _createParameters;
    private OpenIdKeySnapshot? _snapshot;

    public OpenIdKeySource(string metadataAddress, HttpClient httpClient, bool requireHttps, Func<TokenValidationParameters> createParameters)
    {
        _createParameters = createParameters;
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataAddress,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(httpClient) { RequireHttps = requireHttps })
        {
            AutomaticRefreshInterval = BotConnectorConstants.MetadataRefreshInterval,
        };
    }

    /// <summary>The current keys; served from memory except when the cache is due.</summary>
    public async ValueTask<OpenIdKeySnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var configuration = await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null || !ReferenceEquals(snapshot.Configuration, configuration))
        {
            snapshot = new OpenIdKeySnapshot(configuration, _createParameters());
            Volatile.Write(ref _snapshot, snapshot);
        }

        return snapshot;
    }

    /// <summary>Asks for fresh metadata, e.g. after a token named a key we do not have (key rollover); throttled by the manager.</summary>
    public void RequestRefresh() => _manager.RequestRefresh();
}
