using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Accounts;
using SupportBot.Bot.Delivery;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Verification.OwnerNotices;

namespace SupportBot.Bot.Security.Notifications;

/// <summary>
/// Delivers the verification side's owner-notice requests (throttling, slow path, send caps, a spent recovery code)
/// to every contact on file. The owner's language is not known (the conversation may be the attacker's), so the
/// notice uses the deployment's default language.
/// </summary>
public sealed class OwnerNoticeSender(
    IAccountDirectory directory,
    ContactNotifier notifier,
    SupportedLanguages languages,
    IOptions<SecurityNoticeOptions> options,
    DevOutboxSender? demoSink = null) : IMessageSender
{
    public bool Handles(string channel) => channel == OwnerNoticeRequester.Channel;

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = JsonSerializer.Deserialize<OwnerNoticeRequest>(message.Text, JsonSerializerOptions.Web)
            ?? throw new DeliveryFailedException("An owner notice request was empty.", permanent: true);
        var account = await directory.FindByIdAsync(request.AccountId, cancellationToken);
        if (account is null)
        {
            return;
        }

        var arguments = new Dictionary<string, object?>
        {
            ["reason"] = request.Reason,
            ["link"] = options.Value.PublicBaseUrl.TrimEnd('/') + "/",
        };
        await notifier.NotifyAllAsync(
            account, languages.Default, request.Reason == OwnerNoticeReason.RecoveryCodeReplaced ? "privacy.notice.owner" : "security.notice.owner", arguments, request.Reason, request.ConversationId, null, cancellationToken);

        // Outside Production the demo sink also lists the request itself, so /dev/outbox shows why the notices went out.
        if (demoSink is not null)
        {
            await demoSink.SendAsync(message, cancellationToken);
        }
    }
}
