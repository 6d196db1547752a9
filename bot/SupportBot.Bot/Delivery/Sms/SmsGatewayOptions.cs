using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.Json;

namespace SupportBot.Bot.Delivery.Sms;

/// <summary>
/// An HTTP SMS gateway (<c>Delivery:Sms</c>): the bot POSTs <see cref="BodyTemplate"/> to <see cref="Url"/> with
/// <c>{to}</c> and <c>{text}</c> replaced (JSON-escaped) and one auth header. SMS is used only when the URL is set.
/// </summary>
public sealed class SmsGatewayOptions : IValidatableObject
{
    public const string Section = "Delivery:Sms";

    public string? Url { get; set; }

    /// <summary>The header that carries the credential, e.g. <c>Authorization</c> or <c>X-Api-Key</c>.</summary>
    public string AuthHeaderName { get; set; } = "Authorization";

    /// <summary>Its value, e.g. <c>Bearer …</c>; from a vault or an environment variable; never logged.</summary>
    public string? AuthHeaderValue { get; set; }

    /// <summary>A JSON document with the placeholders <c>{to}</c> and <c>{text}</c> inside string values.</summary>
    public string BodyTemplate { get; set; } = """{"to":"{to}","text":"{text}"}""";

    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("Delivery:Sms:Url must be an absolute http(s) URL.", [nameof(Url)]);
            yield break;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !(uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip))))
        {
            yield return new ValidationResult("Delivery:Sms:Url must use https unless the gateway runs on this machine.", [nameof(Url)]);
        }

        if (!BodyTemplate.Contains("{to}", StringComparison.Ordinal) || !BodyTemplate.Contains("{text}", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Delivery:Sms:BodyTemplate must contain {to} and {text}.", [nameof(BodyTemplate)]);
        }
        else if (!IsJson(SmsRequestBody.Render(BodyTemplate, "+10000000000", "probe \"text\"")))
        {
            yield return new ValidationResult("Delivery:Sms:BodyTemplate is not valid JSON once {to} and {text} are filled in (put them inside string values).", [nameof(BodyTemplate)]);
        }

        if (string.IsNullOrWhiteSpace(AuthHeaderName) || AuthHeaderName.Any(c => c <= ' ' || c == ':' || c > '~'))
        {
            yield return new ValidationResult("Delivery:Sms:AuthHeaderName must be an HTTP header name.", [nameof(AuthHeaderName)]);
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
