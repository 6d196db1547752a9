using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Security;

/// <summary>Security notices to account owners (<c>Security</c> section).</summary>
public sealed class SecurityNoticeOptions : IValidatableObject
{
    /// <summary>Where people reach this deployment; the "this wasn't me" link in notices points here.</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>How long the "this wasn't me" code in a notice works.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan RepudiationWindow { get; set; } = TimeSpan.FromDays(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("Security:PublicBaseUrl must be an absolute http(s) URL.", [nameof(PublicBaseUrl)]);
        }
    }
}
