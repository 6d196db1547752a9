using System.Text.Json;
using SupportBot.Bot.Accounts;
using SupportBot.Bot.Delivery;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Storage;
using SupportBot.Dialogs.Verification;

namespace SupportBot.Bot.Security.Notifications;

/// <summary>
/// Writes one localised notice to every contact in an account's history (removed ones included: the owner may
/// have been locked out of the new ones by the attacker) and records <c>notified</c> with masked destinations.
/// </summary>
public sealed class ContactNotifier(OutboxWriter outbox, ITextRenderer text, IAuditLog audit, TimeProvider timeProvider)
{
    /// <param name="keyPrefix">Catalog keys <c>{prefix}.subject</c>, <c>{prefix}.email</c> and <c>{prefix}.sms</c>.</param>
    public async Task<int> NotifyAllAsync(
        AccountRecord account, string language, string keyPrefix, IReadOnlyDictionary<string, object?> arguments,
        string reason, string? conversationId, string? caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var subject = text.Render(language, keyPrefix + ".subject", arguments);
        var email = text.Render(language, keyPrefix + ".email", arguments);
        var sms = text.Render(language, keyPrefix + ".sms", arguments);
        var masked = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var contact in account.Contacts)
        {
            if (!seen.Add(contact.Address))
            {
                continue;
            }

            var message = contact.Kind == ContactKind.Email
                ? new OutboundMessage("email", contact.Address, subject, email)
                : new OutboundMessage("sms", contact.Address, subject, sms);
            await outbox.EnqueueAsync(message, cancellationToken);
            masked.Add(ContactMask.Mask(contact.Kind, contact.Address) + (contact.RemovedAt is null ? string.Empty : " (removed)"));
        }

        await audit.AppendAsync(
            new AuditEvent("notified", timeProvider.GetUtcNow(), "bot", conversationId, caseId, account.AccountId,
                JsonSerializer.Serialize(new { reason, contacts = masked })),
            cancellationToken);
        return masked.Count;
    }
}
