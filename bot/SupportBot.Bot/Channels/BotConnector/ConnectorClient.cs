using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Channels.BotConnector;

/// <summary>
/// Posts replies to the channel's Connector API: <c>{serviceUrl}v3/conversations/{id}/activities[/{replyToId}]</c>,
/// with the bot's client-credentials token when an app id is configured.
/// </summary>
internal sealed class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    ConnectorTokenProvider tokenProvider,
    IOptions<BotConnectorOptions> options)
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    /// <summary>Sends <paramref name="activity"/> and returns the id the channel gave it.</summary>
    /// <remarks>The service URL may or may not end in a slash, and may carry a path (e.g. <c>…/amer/</c>).</remarks>
    /// <exception cref="ConnectorException">The channel or the token endpoint refused the call.</exception>
    public async Task<ResourceResponse> SendAsync(
        string serviceUrl, string conversationId, string? replyToId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);

        var path = replyToId is null
            ? $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"
            : $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(replyToId)}";

        // A byte array rather than a streamed JsonContent, so the request carries a Content-Length.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options));
        content.Headers.ContentType = JsonMediaType;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(serviceUrl.EndsWith('/') ? serviceUrl + path : serviceUrl + "/" + path)) { Content = content };
        if (options.Value.IsAuthenticationEnabled)
        {
            var token = await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var client = httpClientFactory.CreateClient(BotConnectorConstants.ConnectorHttpClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ConnectorException("The channel refused a reply.", response.StatusCode);
            }

            return new ResourceResponse(await ReadIdAsync(response, cancellationToken).ConfigureAwait(false));
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectorException("The channel could not be reached.", ex.StatusCode, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorException("The channel did not answer in time.", null, ex);
        }
    }

    /// <summary>The <c>{"id":…}</c> of the answer; some channels answer with no body, which means no id.</summary>
    private static async Task<string> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength == 0)
        {
            return string.Empty;
        }

        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            return body.ValueKind == JsonValueKind.Object
                && body.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String
                    ? id.GetString()!
                    : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }
}
