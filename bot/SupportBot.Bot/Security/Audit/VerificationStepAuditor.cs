using System.Text.Json;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Verification;
using SupportBot.Dialogs.Conversation;

namespace SupportBot.Bot.Security.Audit;

/// <summary>
/// Writes the conversation-level events of docs/security.md F1 from the state machine's own transitions, so they
/// cannot disagree with it: <c>recovery_started</c> (verification begins), <c>verification_passed</c> (every
/// required proof recorded), <c>verification_failed</c> (locked out of chat verification). The per-step events
/// (<c>code_sent</c>, <c>code_failed</c>, <c>throttled</c>, <c>escalated</c>, <c>notified</c>, <c>repudiated</c>) are
/// written by the services that take those steps; agent tools write <see cref="AgentActionAsync"/>.
/// </summary>
public sealed class VerificationStepAuditor(IAuditLog audit, TimeProvider timeProvider)
{
    public async Task RecordAsync(RecoveryState before, RecoveryState after, string conversationId, VerificationSession? session, CancellationToken cancellationToken)
    {
        if (before == after)
        {
            return;
        }

        var type = after switch
        {
            RecoveryState.Identify when !IsVerifying(before) && before != RecoveryState.VerificationFailed => "recovery_started",
            RecoveryState.Verified => "verification_passed",
            RecoveryState.VerificationFailed => "verification_failed",
            _ => null,
        };
        if (type is null)
        {
            return;
        }

        var data = type == "verification_passed" && session is not null
            ? JsonSerializer.Serialize(new
            {
                methods = session.Proofs.Select(proof => proof.Method),
                proofs = session.Proofs.Count,
                required = session.ProofsRequired,

                // Safeguard coverage of the verified claimant's account, for the F2 report (no contact, only counts).
                mfa = session.RiskSignals.Contains("mfa_enabled"),
                recoveryContacts = session.RecoveryContacts,
            })
            : JsonSerializer.Serialize(new { from = before.ToString() });
        await audit.AppendAsync(new AuditEvent(type, timeProvider.GetUtcNow(), "bot", conversationId, null, session?.AccountKey, data), cancellationToken);
    }

    /// <summary>For the agent console: every action an agent takes on a case (<c>agent_action</c>, actor = the agent).</summary>
    public Task AgentActionAsync(string agentId, string caseId, string? accountRef, string action, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            new AuditEvent("agent_action", timeProvider.GetUtcNow(), "agent:" + agentId, null, caseId, accountRef, JsonSerializer.Serialize(new { action })),
            cancellationToken);

    private static bool IsVerifying(RecoveryState state) =>
        state is RecoveryState.Identify or RecoveryState.ChooseMethod or RecoveryState.AwaitCode or RecoveryState.SecondFactor;
}
