using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>
/// The client-credentials token the bot sends with its replies (docs/protocol.md §3, "Outbound token"),
/// cached until shortly before <c>expires_in</c>.
/// </summary>
/// <remarks>One request at a time refreshes it; every other turn reads the cached token without locking.</remarks>
internal sealed class ConnectorTokenProvider(
    IHttpClientFactory httpClientFactory,
    IOptions<BotConnectorOptions> options,
    TimeProvider timeProvider) : IDisposable
{
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private ConnectorToken? _token;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = Volatile.Read(ref _token);
        if (token is not null && timeProvider.GetUtcNow() < token.RefreshAt)
        {
            return token.AccessToken;
        }

        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            token = Volatile.Read(ref _token);
            if (token is null || timeProvider.GetUtcNow() >= token.RefreshAt)
            {
                token = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _token, token);
            }

            return token.AccessToken;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public void Dispose() => _refreshGate.Dispose();

    private async Task<ConnectorToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var content = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", settings.MicrosoftAppId!),
            new("client_secret", settings.MicrosoftAppPassword!),
            new("scope", BotConnectorConstants.ConnectorScope),
        ]);

        var client = httpClientFactory.CreateClient(BotConnectorConstants.ConnectorHttpClientName);
        var requestedAt = timeProvider.GetUtcNow();
        using var response = await PostAsync(client, settings.GetTokenEndpoint(), content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException("The token endpoint refused the client credentials.", response.StatusCode);
        }

        JsonElement body;
        try
        {
            body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException("The token endpoint answered with invalid JSON.", response.StatusCode, ex);
        }

        if (body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty("access_token", out var accessToken)
            || accessToken.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(accessToken.GetString()))
        {
            throw new ConnectorException("The token endpoint answered without an access_token.", response.StatusCode);
        }

        var lifetime = TimeSpan.FromSeconds(ReadExpiresIn(body));

        // Replace the token a little early, but never cache a short-lived one for less than half its life.
        var margin = TimeSpan.FromTicks(Math.Min(BotConnectorConstants.TokenRefreshMargin.Ticks, lifetime.Ticks / 2));
        return new ConnectorToken(accessToken.GetString()!, requestedAt + lifetime - margin);
    }

    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string endpoint, HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            return await client.PostAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectorException("The token endpoint could not be reached.", ex.StatusCode, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorException("The token endpoint did not answer in time.", null, ex);
        }
    }

    /// <summary>Seconds of validity; AAD v1 sent it as a string, v2 as a number. Missing means "use once".</summary>
    private static double ReadExpiresIn(JsonElement body)
    {
        if (!body.TryGetProperty("expires_in", out var value))
        {
            return 0;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var seconds) => Math.Max(0, seconds),
            JsonValueKind.String when double.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var seconds) => Math.Max(0, seconds),
            _ => 0,
        };
    }
}
