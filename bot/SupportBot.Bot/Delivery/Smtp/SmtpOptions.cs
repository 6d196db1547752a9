using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Mail;

namespace SupportBot.Bot.Delivery.Smtp;

/// <summary>The SMTP relay for email (<c>Delivery:Smtp</c>). Email is used only when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Delivery:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>STARTTLS. Off is allowed only for a relay on this machine (a local MTA or a test server).</summary>
    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    /// <summary>From a vault or an environment variable; never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address, e.g. <c>no-reply@support.example.com</c>.</summary>
    public string? From { get; set; }

    public string FromName { get; set; } = "SupportBot";

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(From) || !MailAddress.TryCreate(From, out _))
        {
            yield return new ValidationResult("Delivery:Smtp:From must be a valid email address when Delivery:Smtp:Host is set.", [nameof(From)]);
        }

        if (!EnableSsl && !IsLoopback(Host!))
        {
            yield return new ValidationResult(
                "Delivery:Smtp:EnableSsl may be false only for a relay on this machine: codes must not cross a network in clear.", [nameof(EnableSsl)]);
        }

        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Delivery:Smtp:UserName and Password go together.", [nameof(UserName), nameof(Password)]);
        }
    }

    internal static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
