using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Verification;

namespace SupportBot.Bot.Security.Repudiation;

/// <summary>
/// "This wasn't me": issues the code a notice carries and, when the owner uses it, flags the case and records
/// <c>repudiated</c> in the audit log. What happens to the case next is the agent side's decision.
/// </summary>
public sealed class RepudiationService(
    IRepudiationStore store,
    KeyedHasher hasher,
    IAuditLog audit,
    IOptions<SecurityNoticeOptions> options,
    TimeProvider timeProvider)
{
    private static readonly byte[] s_purpose = Encoding.UTF8.GetBytes("supportbot.repudiation.v1\n");

    public async Task<string> IssueAsync(string caseId, string accountRef, CancellationToken cancellationToken)
    {
        var code = RepudiationCode.New();
        var now = timeProvider.GetUtcNow();
        await store.CreateAsync(Hash(RepudiationCode.Normalize(code)!), caseId, accountRef, now, now + options.Value.RepudiationWindow, cancellationToken);
        return code;
    }

    /// <summary>The case the code belongs to, now flagged; null when the code is malformed, unknown or expired.</summary>
    public async Task<RepudiatedCase?> RepudiateAsync(string? typed, CancellationToken cancellationToken)
    {
        var normalized = RepudiationCode.Normalize(typed);
        var now = timeProvider.GetUtcNow();

        // Hash even a malformed code, so every answer takes the same work.
        var hash = Hash(normalized ?? "-");
        if (normalized is null)
        {
            return null;
        }

        var repudiated = await store.RepudiateAsync(hash, now, cancellationToken);
        if (repudiated is { FirstTime: true })
        {
            await audit.AppendAsync(
                new AuditEvent("repudiated", now, "owner", null, repudiated.CaseId, repudiated.AccountRef, JsonSerializer.Serialize(new { via = "notice_code" })),
                cancellationToken);
        }

        return repudiated;
    }

    public Task<DateTimeOffset?> RepudiatedAtAsync(string caseId, CancellationToken cancellationToken) => store.RepudiatedAtAsync(caseId, cancellationToken);

    private byte[] Hash(string normalized) => hasher.HashCode(s_purpose, normalized);
}
