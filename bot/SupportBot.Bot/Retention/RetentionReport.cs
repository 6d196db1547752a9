using System.Globalization;
using System.Text;

namespace SupportBot.Bot.Retention;

/// <summary>What one retention run pruned (or, in a dry run, would prune), counted per kind of record.</summary>
public sealed record RetentionReport(
    bool DryRun,
    DateTimeOffset TranscriptCutoff,
    DateTimeOffset SecurityEventCutoff,
    long Conversations,
    long TranscriptEntries,
    long Cases,
    long KeptForOpenCases,
    long OutboxRows,
    long ExpiredCodes,
    long ThrottleRows,
    long Repudiations,
    long AuditRecords,
    long? AuditCheckpoint)
{
    /// <summary>Whether anything went (or would go).</summary>
    public bool Pruned => Conversations + Cases + OutboxRows + ExpiredCodes + ThrottleRows + Repudiations + AuditRecords > 0;

    /// <summary>Lines for the operator, invariant culture, one kind of record a line.</summary>
    public string Describe()
    {
        var verb = DryRun ? "would prune" : "pruned";
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Retention {(DryRun ? "dry run" : "run")}: transcripts before {TranscriptCutoff:u}, security events before {SecurityEventCutoff:u}.");
        text.AppendLine(culture, $"  conversations {verb}: {Conversations} ({TranscriptEntries} transcript entries)");
        text.AppendLine(culture, $"  conversations kept for an open case: {KeptForOpenCases}");
        text.AppendLine(culture, $"  closed cases {verb}: {Cases}");
        text.AppendLine(culture, $"  outbox rows {verb}: {OutboxRows}");
        text.AppendLine(culture, $"  expired codes {verb}: {ExpiredCodes}");
        text.AppendLine(culture, $"  throttle rows {verb}: {ThrottleRows}");
        text.AppendLine(culture, $"  expired repudiation codes {verb}: {Repudiations}");
        text.Append(culture, $"  audit records {verb}: {AuditRecords}");
        if (AuditCheckpoint is { } checkpoint)
        {
            text.Append(culture, $" (checkpoint at record {checkpoint})");
        }

        return text.ToString();
    }
}
