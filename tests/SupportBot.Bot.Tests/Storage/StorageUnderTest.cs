using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Tests.Storage;

/// <summary>Every storage contract of one provider, on one fresh database.</summary>
public sealed record StorageUnderTest(
    IConversationStateStore States,
    ITranscriptStore Transcripts,
    ICaseStore Cases,
    IVerificationStore Verification,
    IAuditLog Audit,
    IOutbox Outbox);
