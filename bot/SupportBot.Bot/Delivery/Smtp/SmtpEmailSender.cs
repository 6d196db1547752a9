using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Delivery.Smtp;

/// <summary>
/// Sends email through an SMTP relay (System.Net.Mail: MailKit is not on the package mirror). Subject and body are
/// UTF-8 (base64 body) so every launch language arrives intact. A refused recipient is permanent; every other
/// SMTP error is worth a retry.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IMessageSender
{
    private readonly SmtpOptions _options = options.Value;

    public bool Handles(string channel) => channel == "email";

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!MailAddress.TryCreate(message.To, out var to))
        {
            throw new DeliveryFailedException("The recipient is not an email address.", permanent: true);
        }

        using var mail = new MailMessage
        {
            From = new MailAddress(_options.From!, _options.FromName, Encoding.UTF8),
            Subject = message.Subject.ReplaceLineEndings(" "),
            SubjectEncoding = Encoding.UTF8,
            Body = message.Text,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
            IsBodyHtml = false,
        };
        mail.To.Add(to);

        using var client = new SmtpClient(_options.Host!, _options.Port)
        {
            EnableSsl = _options.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)_options.Timeout.TotalMilliseconds,
            Credentials = string.IsNullOrEmpty(_options.UserName) ? null : new NetworkCredential(_options.UserName, _options.Password),
        };

        try
        {
            await client.SendMailAsync(mail, cancellationToken);
        }
        catch (SmtpFailedRecipientException exception) when (IsPermanent(exception.StatusCode))
        {
            throw new DeliveryFailedException("The SMTP relay refused the recipient.", permanent: true, exception);
        }
    }

    private static bool IsPermanent(SmtpStatusCode status) => status is
        SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed or SmtpStatusCode.UserNotLocalTryAlternatePath;
}
