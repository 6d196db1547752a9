using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Accounts;
using SupportBot.Bot.Delivery;
using SupportBot.Bot.Security.Repudiation;

namespace SupportBot.Bot.Security.Notifications;

/// <summary>
/// Delivers an <see cref="EscalationNoticeRequest"/>: issues the case's "this wasn't me" code and writes the notice,
/// with the code and a link to the repudiation page, to every contact on file. Runs in the outbox worker, so a
/// directory or gateway outage only delays it.
/// </summary>
public sealed class EscalationNoticeSender(
    IAccountDirectory directory,
    RepudiationService repudiation,
    ContactNotifier notifier,
    IOptions<SecurityNoticeOptions> options) : IMessageSender
{
    public const string Channel = "escalation-notice";

    public bool Handles(string channel) => channel == Channel;

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = JsonSerializer.Deserialize<EscalationNoticeRequest>(message.Text, JsonSerializerOptions.Web)
            ?? throw new DeliveryFailedException("An escalation notice request was empty.", permanent: true);
        var account = await directory.FindByIdAsync(request.AccountRef, cancellationToken);
        if (account is null)
        {
            return; // Only a verified account can be escalated; a vanished one has nobody left to tell.
        }

        var code = await repudiation.IssueAsync(request.CaseId, request.AccountRef, cancellationToken);
        var arguments = new Dictionary<string, object?>
        {
            ["caseId"] = request.CaseId,
            ["code"] = code,
            ["link"] = RepudiationLink(options.Value.PublicBaseUrl, code, request.Language),
        };
        await notifier.NotifyAllAsync(
            account, request.Language, "security.notice.escalation", arguments, "escalated", request.ConversationId, request.CaseId, cancellationToken);
    }

    internal static string RepudiationLink(string baseUrl, string code, string language) =>
        new StringBuilder(baseUrl.TrimEnd('/'))
            .Append(RepudiationEndpoints.Path)
            .Append("?code=").Append(Uri.EscapeDataString(code))
            .Append("&lang=").Append(Uri.EscapeDataString(language))
            .ToString();
}
