using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Delivery.Sms;

/// <summary>
/// Sends SMS through the configured HTTP gateway. 2xx is delivered; 408, 429 and 5xx are transient (retried);
/// any other status is a permanent refusal (a bad request will not improve by repetition).
/// </summary>
public sealed class HttpSmsSender(HttpClient http, IOptions<SmsGatewayOptions> options) : IMessageSender
{
    public const string HttpClientName = "SupportBot.SmsGateway";

    private readonly SmsGatewayOptions _options = options.Value;

    public bool Handles(string channel) => channel == "sms";

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.Url)
        {
            Content = new StringContent(SmsRequestBody.Render(_options.BodyTemplate, message.To, message.Text), Encoding.UTF8, "application/json"),
        };
        if (!string.IsNullOrEmpty(_options.AuthHeaderValue))
        {
            request.Headers.TryAddWithoutValidation(_options.AuthHeaderName, _options.AuthHeaderValue);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryFailedException("The SMS gateway did not answer in time.", permanent: false, exception);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var transient = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            throw new DeliveryFailedException($"The SMS gateway answered {status}.", permanent: !transient);
        }
    }
}
