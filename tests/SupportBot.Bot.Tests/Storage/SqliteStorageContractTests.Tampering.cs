using SupportBot.Bot.Storage;
using Xunit;

namespace SupportBot.Bot.Tests.Storage;

/// <summary>
/// Someone with the file drops the append-only triggers and rewrites the audit log with raw SQL; the chain must
/// still give them away.
/// </summary>
public sealed partial class SqliteStorageContractTests
{
    private Task DropAuditTriggersAsync() =>
        ExecuteRawAsync("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;", Ct);

    [Fact]
    public async Task AuditVerifyAsync_FieldEditedWithTriggersDropped_ReportsTheEditedRecord()
    {
        await AppendEventsAsync(5);
        await DropAuditTriggersAsync();

        await ExecuteRawAsync("UPDATE audit_log SET data_json = '{\"n\":2,\"channel\":\"sms\"}' WHERE sequence = 2;", Ct);

        var broken = Assert.IsType<AuditVerification.Broken>(await Storage.Audit.VerifyAsync(Ct));
        Assert.Equal(2, broken.Sequence);
        Assert.Contains("edited", broken.Reason);
    }

    [Fact]
    public async Task AuditVerifyAsync_NullableFieldBlankedWithTriggersDropped_ReportsTheEditedRecord()
    {
        await AppendEventsAsync(5);
        await DropAuditTriggersAsync();

        await ExecuteRawAsync("UPDATE audit_log SET conversation_id = NULL WHERE sequence = 4;", Ct);

        Assert.Equal(4, Assert.IsType<AuditVerification.Broken>(await Storage.Audit.VerifyAsync(Ct)).Sequence);
    }

    [Fact]
    public async Task AuditVerifyAsync_EditedAndRehashedWithTriggersDropped_ReportsTheNextRecord()
    {
        var records = await AppendEventsAsync(5);
        await DropAuditTriggersAsync();
        var forged = records[1].Event with { Actor = "agent-42" };
        var forgedHash = AuditChain.ComputeHash(AuditKey, 2, records[1].PreviousHash, forged);

        await ExecuteRawAsync("UPDATE audit_log SET actor = 'agent-42', hash = $h WHERE sequence = 2;", Ct, ("$h", forgedHash));

        var broken = Assert.IsType<AuditVerification.Broken>(await Storage.Audit.VerifyAsync(Ct));
        Assert.Equal(3, broken.Sequence);
    }

    [Fact]
    public async Task AuditVerifyAsync_RecordDeletedWithTriggersDropped_ReportsTheMissingSequence()
    {
        await AppendEventsAsync(5);
        await DropAuditTriggersAsync();

        await ExecuteRawAsync("DELETE FROM audit_log WHERE sequence = 3;", Ct);

        var broken = Assert.IsType<AuditVerification.Broken>(await Storage.Audit.VerifyAsync(Ct));
        Assert.Equal(3, broken.Sequence);
        Assert.Contains("missing", broken.Reason);
    }

    [Fact]
    public async Task AuditVerifyAsync_RecordDeletedAndLaterOnesRenumbered_ReportsTheGap()
    {
        await AppendEventsAsync(5);
        await DropAuditTriggersAsync();

        await ExecuteRawAsync(
            """
            DELETE FROM audit_log WHERE sequence = 3;
            UPDATE audit_log SET sequence = 3 WHERE sequence = 4;
            UPDATE audit_log SET sequence = 4 WHERE sequence = 5;
            """,
            Ct);

        Assert.Equal(3, Assert.IsType<AuditVerification.Broken>(await Storage.Audit.VerifyAsync(Ct)).Sequence);
    }

    [Fact]
    public async Task AuditVerifyAsync_RecordsSwappedWithTriggersDropped_ReportsTheFirstSwapped()
    {
        await AppendEventsAsync(5);
        await DropAuditTriggersAsync();

        await ExecuteRawAsync(
            """
            UPDATE audit_log SET sequence = 1000 WHERE sequence = 2;
            UPDATE audit_log SET sequence = 2 WHERE sequence = 3;
            UPDATE audit_log SET sequence = 3 WHERE sequence = 1000;
            """,
            Ct);

        var broken = Assert.IsType<AuditVerification.Broken>(await Storage.Audit.VerifyAsync(Ct));
        Assert.Equal(2, broken.Sequence);
    }

    [Fact]
    public async Task AuditVerifyAsync_WellFormedRecordInsertedInTheMiddle_ReportsTheRecordAfterIt()
    {
        var records = await AppendEventsAsync(5);
        await DropAuditTriggersAsync();
        // The forger knows the algorithm and chains the insert correctly to record 2.
        var forged = Event(99);
        var forgedHash = AuditChain.ComputeHash(AuditKey, 3, records[1].Hash, forged);

        await ExecuteRawAsync(
            """
            UPDATE audit_log SET sequence = 6 WHERE sequence = 5;
            UPDATE audit_log SET sequence = 5 WHERE sequence = 4;
            UPDATE audit_log SET sequence = 4 WHERE sequence = 3;
            INSERT INTO audit_log (sequence, type, at, actor, conversation_id, case_id, account_ref, data_json, previous_hash, hash)
            VALUES (3, $type, $at, $actor, $conversation, $case, $account, $data, $previous, $hash);
            """,
            Ct,
            ("$type", forged.Type),
            ("$at", forged.At.UtcTicks),
            ("$actor", forged.Actor),
            ("$conversation", forged.ConversationId!),
            ("$case", forged.CaseId!),
            ("$account", forged.AccountRef!),
            ("$data", forged.DataJson),
            ("$previous", records[1].Hash),
            ("$hash", forgedHash));

        var broken = Assert.IsType<AuditVerification.Broken>(await Storage.Audit.VerifyAsync(Ct));
        Assert.Equal(4, broken.Sequence);
    }

    [Fact]
    public async Task AuditVerifyAsync_RecordWithAWrongHashAppendedByHand_ReportsIt()
    {
        var records = await AppendEventsAsync(3);

        await ExecuteRawAsync(
            """
            INSERT INTO audit_log (sequence, type, at, actor, conversation_id, case_id, account_ref, data_json, previous_hash, hash)
            VALUES (4, 'verification_passed', 0, 'bot', 'c1', NULL, 'acct-1', '{}', $previous, $hash);
            """,
            Ct,
            ("$previous", records[2].Hash),
            ("$hash", new string('a', 64)));

        Assert.Equal(4, Assert.IsType<AuditVerification.Broken>(await Storage.Audit.VerifyAsync(Ct)).Sequence);
    }

    [Fact]
    public async Task AuditVerifyAsync_FirstRecordRenumberedWithTriggersDropped_ReportsSequenceOne()
    {
        await AppendEventsAsync(2);
        await DropAuditTriggersAsync();

        await ExecuteRawAsync("UPDATE audit_log SET sequence = 10 WHERE sequence = 1;", Ct);

        Assert.Equal(1, Assert.IsType<AuditVerification.Broken>(await Storage.Audit.VerifyAsync(Ct)).Sequence);
    }
}
