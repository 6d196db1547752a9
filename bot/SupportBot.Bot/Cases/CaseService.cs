using System.Text.Json;
using SupportBot.Bot.Security.Notifications;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Verification;

namespace SupportBot.Bot.Cases;

/// <summary>Opens the case of a verified conversation (once), cancels it, and answers where it stands.</summary>
public sealed class CaseService(ICaseStore cases, IAuditLog audit, EscalationNoticeRequester notices, TimeProvider timeProvider, Security.Hold.SecurityHolds? holds = null)
{
    /// <summary>
    /// Opens the conversation's case, or returns the open one it already has: the engine may ask twice
    /// (a retried turn), and a user must never end up in the queue twice.
    /// </summary>
    public async Task<(string CaseId, int Position)> OpenAsync(
        string conversationId, string channelId, string language, string country, string problem, VerificationSession session, bool supportOpen,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var existing = await cases.FindByConversationAsync(conversationId, cancellationToken);
        if (existing is not null && existing.Status is CaseStatus.Queued or CaseStatus.AfterHours or CaseStatus.WithAgent)
        {
            if (supportOpen && existing.Status == CaseStatus.AfterHours)
            {
                await cases.TransitionAsync(existing.CaseId, CaseStatus.AfterHours, CaseStatus.Queued, timeProvider.GetUtcNow(), cancellationToken);
            }

            return (existing.CaseId, await cases.GetQueuePositionAsync(existing.CaseId, cancellationToken) ?? 0);
        }

        var now = timeProvider.GetUtcNow();
        var record = new CaseRecord(
            CaseIdGenerator.Next(), conversationId, channelId, language, country, problem,
            supportOpen ? CaseStatus.Queued : CaseStatus.AfterHours,
            session.AccountKey, VerificationService.EvidenceJson(session, now), now, now);
        await cases.CreateAsync(record, cancellationToken);
        await (holds?.PlaceIfSuspectedAsync(record, cancellationToken) ?? Task.CompletedTask); // B11: suspected hijacks open on hold.
        await audit.AppendAsync(
            new AuditEvent("escalated", now, "bot", conversationId, record.CaseId, session.AccountKey, JsonSerializer.Serialize(new { status = record.Status, language, country })),
            cancellationToken);

        // Every contact on file, old ones included, hears about it, with the "this wasn't me" route (docs/security.md B10).
        await notices.RequestAsync(record.CaseId, session.AccountKey, language, conversationId, cancellationToken);
        var position = await cases.GetQueuePositionAsync(record.CaseId, cancellationToken) ?? 0;

        // "People ahead of you" excludes the user.
        return (record.CaseId, Math.Max(0, position - 1));
    }

    public async Task CancelAsync(string caseId, string conversationId, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null || record.ConversationId != conversationId || record.Status is CaseStatus.Resolved or CaseStatus.Cancelled)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        if (await cases.TransitionAsync(caseId, record.Status, CaseStatus.Cancelled, now, cancellationToken))
        {
            await audit.AppendAsync(new AuditEvent("case_cancelled", now, "user", conversationId, caseId, record.AccountRef, "{}"), cancellationToken);
        }
    }
}
