namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>
/// The SQLite schema as an ordered list of scripts. Append new versions at the end; never edit a released one,
/// because databases in the field have already run it.
/// </summary>
/// <remarks>
/// Conventions: instants are UTC ticks in INTEGER columns (see <see cref="SqliteCommandExtensions"/>); tables are
/// STRICT so a wrong type is refused at write time instead of read back as a surprise; rows that something else
/// points at by order get an explicit <c>INTEGER PRIMARY KEY</c>, because an implicit rowid may be renumbered
/// by VACUUM.
/// </remarks>
internal static class SqliteMigrations
{
    /// <summary>Every migration, in version order.</summary>
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "initial schema", InitialSchema),
        new(2, "queue length counter", QueueLength),
        new(3, "demo account directory, owner notices", DemoDirectoryAndOwnerNotices),
        new(4, "agents and case handling", AgentsSchema),
        new(5, "repudiation codes (this wasn't me)", Repudiations),
        new(6, "takeover report aggregates and case causes", ReportAggregates),
        new(7, "retention: audit checkpoints, guarded pruning, security holds", RetentionAndHolds),
        new(8, "bot challenge: redeemed challenges, lookups per conversation", BotChallenge),
    ];

    /// <summary>The schema version this build writes and understands.</summary>
    public static int LatestVersion => All[^1].Version;

    // The transcript does not reference conversations: state saves append transcript rows for conversations a
    // channel may not have registered (the terminal, /api/messages), and the contract does not ask them to.
    private const string InitialSchema =
        """
        CREATE TABLE conversations (
            conversation_id TEXT NOT NULL PRIMARY KEY,
            channel_id      TEXT NOT NULL,
            user_id         TEXT NOT NULL,
            created_at      INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;

        CREATE TABLE conversation_state (
            conversation_id TEXT NOT NULL PRIMARY KEY,
            state_json      TEXT NOT NULL,
            version         INTEGER NOT NULL CHECK (version > 0),
            updated_at      INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE transcript (
            conversation_id TEXT NOT NULL,
            sequence        INTEGER NOT NULL CHECK (sequence > 0),
            timestamp       INTEGER NOT NULL,
            activity_json   TEXT NOT NULL,
            PRIMARY KEY (conversation_id, sequence)
        ) STRICT;

        CREATE TRIGGER transcript_no_update BEFORE UPDATE ON transcript
        BEGIN
            SELECT RAISE(ABORT, 'transcript is append-only');
        END;

        CREATE TRIGGER transcript_no_delete BEFORE DELETE ON transcript
        BEGIN
            SELECT RAISE(ABORT, 'transcript is append-only');
        END;

        CREATE TABLE cases (
            id              INTEGER PRIMARY KEY,
            case_id         TEXT NOT NULL UNIQUE,
            conversation_id TEXT NOT NULL,
            channel_id      TEXT NOT NULL,
            language        TEXT NOT NULL,
            country         TEXT NOT NULL,
            intent          TEXT NOT NULL,
            status          TEXT NOT NULL,
            account_ref     TEXT NOT NULL,
            evidence_json   TEXT NOT NULL,
            created_at      INTEGER NOT NULL,
            updated_at      INTEGER NOT NULL
        ) STRICT;

        CREATE INDEX ix_cases_conversation ON cases (conversation_id, created_at, id);
        CREATE INDEX ix_cases_status ON cases (status, created_at, id);
        CREATE INDEX ix_cases_created ON cases (created_at, id);

        CREATE TABLE verification_codes (
            code_id         TEXT NOT NULL PRIMARY KEY,
            account_id      TEXT NOT NULL,
            session_id      TEXT NOT NULL,
            channel         TEXT NOT NULL,
            destination_key TEXT NOT NULL,
            salt            BLOB NOT NULL,
            hash            BLOB NOT NULL,
            issued_at       INTEGER NOT NULL,
            expires_at      INTEGER NOT NULL,
            failures        INTEGER NOT NULL CHECK (failures >= 0),
            status          TEXT NOT NULL CHECK (status IN ('live', 'used', 'invalidated')),
            closed_at       INTEGER
        ) STRICT;

        -- Invariant: at most one live code per (account, session), whatever the code path.
        CREATE UNIQUE INDEX ux_verification_codes_live ON verification_codes (account_id, session_id) WHERE status = 'live';

        CREATE TABLE account_failures (
            account_id      TEXT NOT NULL PRIMARY KEY,
            failures        INTEGER NOT NULL CHECK (failures > 0),
            last_failure_at INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;

        CREATE TABLE code_sends (
            id              INTEGER PRIMARY KEY,
            account_id      TEXT NOT NULL,
            destination_key TEXT NOT NULL,
            sent_at         INTEGER NOT NULL
        ) STRICT;

        CREATE INDEX ix_code_sends_account ON code_sends (account_id, sent_at);
        CREATE INDEX ix_code_sends_destination ON code_sends (account_id, destination_key, sent_at);

        CREATE TABLE audit_log (
            sequence        INTEGER PRIMARY KEY CHECK (sequence > 0),
            type            TEXT NOT NULL,
            at              INTEGER NOT NULL,
            actor           TEXT NOT NULL,
            conversation_id TEXT,
            case_id         TEXT,
            account_ref     TEXT,
            data_json       TEXT NOT NULL,
            previous_hash   TEXT NOT NULL,
            hash            TEXT NOT NULL
        ) STRICT;

        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN
            SELECT RAISE(ABORT, 'audit log is append-only');
        END;

        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN
            SELECT RAISE(ABORT, 'audit log is append-only');
        END;

        CREATE TABLE outbox (
            id              INTEGER PRIMARY KEY,
            message_id      TEXT NOT NULL UNIQUE,
            channel         TEXT NOT NULL,
            payload         BLOB NOT NULL,
            created_at      INTEGER NOT NULL,
            due_at          INTEGER NOT NULL,
            attempts        INTEGER NOT NULL CHECK (attempts >= 0),
            status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
            last_error      TEXT,
            lease_until     INTEGER,
            delivered_at    INTEGER
        ) STRICT;

        CREATE INDEX ix_outbox_pending ON outbox (due_at, id) WHERE status = 'pending';
        """;

    // A queue position is the queue's length minus the cases behind it. Counting the cases ahead instead walks the
    // whole queue for the newest case, which is the one every escalation asks about; SQLite keeps no counts in its
    // indexes, so the triggers keep the length. A case re-entering the queue is counted again on its way in.
    private const string QueueLength =
        """
        CREATE TABLE queue_length (
            only_row        INTEGER PRIMARY KEY CHECK (only_row = 1),
            queued          INTEGER NOT NULL CHECK (queued >= 0)
        ) STRICT;

        INSERT INTO queue_length (only_row, queued) SELECT 1, COUNT(*) FROM cases WHERE status = 'queued';

        CREATE TRIGGER cases_queue_insert AFTER INSERT ON cases WHEN NEW.status = 'queued'
        BEGIN
            UPDATE queue_length SET queued = queued + 1 WHERE only_row = 1;
        END;

        CREATE TRIGGER cases_queue_enter AFTER UPDATE OF status ON cases
        WHEN OLD.status <> 'queued' AND NEW.status = 'queued'
        BEGIN
            UPDATE queue_length SET queued = queued + 1 WHERE only_row = 1;
        END;

        CREATE TRIGGER cases_queue_leave AFTER UPDATE OF status ON cases
        WHEN OLD.status = 'queued' AND NEW.status <> 'queued'
        BEGIN
            UPDATE queue_length SET queued = queued - 1 WHERE only_row = 1;
        END;

        CREATE TRIGGER cases_queue_delete AFTER DELETE ON cases WHEN OLD.status = 'queued'
        BEGIN
            UPDATE queue_length SET queued = queued - 1 WHERE only_row = 1;
        END;
        """;

    // The demo account directory (Accounts/Demo) and the record of owner notices the verification throttles
    // requested, so an attacker hammering an account cannot turn the bot into a mail bomb against its owner.
    private const string DemoDirectoryAndOwnerNotices =
        """
        CREATE TABLE demo_accounts (
            account_id      TEXT NOT NULL PRIMARY KEY,
            username        TEXT NOT NULL UNIQUE,
            status          TEXT NOT NULL,
            mfa             INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;

        CREATE TABLE demo_contacts (
            contact_id      TEXT NOT NULL PRIMARY KEY,
            account_id      TEXT NOT NULL REFERENCES demo_accounts (account_id),
            kind            TEXT NOT NULL,
            address         TEXT NOT NULL,
            normalized      TEXT NOT NULL,
            added_at        INTEGER NOT NULL,
            removed_at      INTEGER,
            source          TEXT NOT NULL,
            source_ip       TEXT,
            source_device   TEXT
        ) WITHOUT ROWID, STRICT;

        CREATE INDEX ix_demo_contacts_normalized ON demo_contacts (normalized);
        CREATE INDEX ix_demo_contacts_account ON demo_contacts (account_id);

        CREATE TABLE demo_security_events (
            account_id      TEXT NOT NULL REFERENCES demo_accounts (account_id),
            kind            TEXT NOT NULL,
            at              INTEGER NOT NULL,
            detail          TEXT
        ) STRICT;

        CREATE INDEX ix_demo_security_events_account ON demo_security_events (account_id, at);

        CREATE TABLE demo_recovery_codes (
            code_id         TEXT NOT NULL PRIMARY KEY,
            account_id      TEXT NOT NULL REFERENCES demo_accounts (account_id),
            salt            BLOB NOT NULL,
            hash            BLOB NOT NULL,
            used_at         INTEGER
        ) WITHOUT ROWID, STRICT;

        CREATE INDEX ix_demo_recovery_codes_account ON demo_recovery_codes (account_id);

        CREATE TABLE demo_directory_anchor (
            only_row        INTEGER PRIMARY KEY CHECK (only_row = 1),
            anchored_at     INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE owner_notices (
            account_id      TEXT NOT NULL,
            reason          TEXT NOT NULL,
            requested_at    INTEGER NOT NULL
        ) STRICT;

        CREATE INDEX ix_owner_notices_account ON owner_notices (account_id, reason, requested_at);

        CREATE INDEX ix_code_sends_destination_any_account ON code_sends (destination_key, sent_at);
        """;

    // Agents (console accounts) and what the agent side knows about a case: who holds it, where it was transferred,
    // its outcome and the user's rating. Cases themselves stay in `cases`, whose status stays the one gate.
    private const string AgentsSchema =
        """
        CREATE TABLE agents (
            agent_id        TEXT NOT NULL PRIMARY KEY,
            username        TEXT NOT NULL UNIQUE COLLATE NOCASE,
            display_name    TEXT NOT NULL,
            password_hash   TEXT NOT NULL,
            role            TEXT NOT NULL CHECK (role IN ('agent', 'supervisor')),
            languages       TEXT NOT NULL,
            countries       TEXT NOT NULL,
            console_language TEXT NOT NULL,
            failed_sign_ins INTEGER NOT NULL CHECK (failed_sign_ins >= 0),
            locked_until    INTEGER,
            created_at      INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;

        CREATE TABLE case_handling (
            case_id         TEXT NOT NULL PRIMARY KEY,
            agent_id        TEXT,
            target_language TEXT,
            target_country  TEXT,
            target_agent_id TEXT,
            accepted_at     INTEGER,
            outcome         TEXT,
            resolved_at     INTEGER,
            rating          TEXT,
            rated_at        INTEGER,
            hub_state       TEXT,
            updated_at      INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;

        CREATE INDEX ix_case_handling_agent ON case_handling (agent_id);
        """;

    // "This wasn't me" codes from the notices sent after an escalation: keyed hashes only, one row per code.
    private const string Repudiations =
        """
        CREATE TABLE repudiations (
            code_hash       BLOB NOT NULL PRIMARY KEY,
            case_id         TEXT NOT NULL,
            account_ref     TEXT NOT NULL,
            created_at      INTEGER NOT NULL,
            expires_at      INTEGER NOT NULL,
            repudiated_at   INTEGER
        ) WITHOUT ROWID, STRICT;

        CREATE INDEX ix_repudiations_case ON repudiations (case_id);
        """;

    // The takeover report (Reports/): figures per period, country and language, kept 5 years after the raw rows they
    // come from are pruned (docs/security.md F2, G3); a sealed period is never recomputed. The cause an agent picked at
    // resolve is kept beside the case rather than in case_handling, which belongs to the console.
    private const string ReportAggregates =
        """
        CREATE TABLE report_aggregates (
            period          TEXT NOT NULL CHECK (period IN ('week', 'month')),
            period_start    INTEGER NOT NULL,
            country         TEXT NOT NULL,
            language        TEXT NOT NULL,
            metric          TEXT NOT NULL,
            value           INTEGER NOT NULL,
            samples         TEXT,
            PRIMARY KEY (period, period_start, country, language, metric)
        ) WITHOUT ROWID, STRICT;

        CREATE TABLE report_periods (
            period          TEXT NOT NULL CHECK (period IN ('week', 'month')),
            period_start    INTEGER NOT NULL,
            materialised_at INTEGER NOT NULL,
            sealed          INTEGER NOT NULL CHECK (sealed IN (0, 1)),
            PRIMARY KEY (period, period_start)
        ) WITHOUT ROWID, STRICT;

        CREATE TABLE case_causes (
            case_id         TEXT NOT NULL PRIMARY KEY,
            cause           TEXT NOT NULL,
            agent_id        TEXT NOT NULL,
            chosen_at       INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;
        """;

    // Retention (Retention/, security.md G3). The append-only triggers stay, but each now lets through exactly what
    // retention may delete: audit records covered by a MACed checkpoint (verification starts from it, so a deletion
    // without one still shows), and transcript rows of conversations the pruning transaction has listed in
    // retention_pruning (emptied again before it commits). Security holds (B11) are one row per case. The demo
    // directory learns to replace a spent recovery code (B2) and to record a session revocation (B11).
    private const string RetentionAndHolds =
        """
        CREATE TABLE audit_checkpoints (
            sequence        INTEGER PRIMARY KEY CHECK (sequence > 0),
            hash            TEXT NOT NULL,
            created_at      INTEGER NOT NULL,
            mac             TEXT NOT NULL
        ) STRICT;

        DROP TRIGGER audit_log_no_delete;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        WHEN OLD.sequence > COALESCE((SELECT MAX(sequence) FROM audit_checkpoints), 0)
        BEGIN
            SELECT RAISE(ABORT, 'audit log is append-only: only records behind a checkpoint may be pruned');
        END;

        CREATE TABLE retention_pruning (
            conversation_id TEXT NOT NULL PRIMARY KEY
        ) WITHOUT ROWID, STRICT;

        DROP TRIGGER transcript_no_delete;
        CREATE TRIGGER transcript_no_delete BEFORE DELETE ON transcript
        WHEN NOT EXISTS (SELECT 1 FROM retention_pruning WHERE conversation_id = OLD.conversation_id)
        BEGIN
            SELECT RAISE(ABORT, 'transcript is append-only');
        END;

        CREATE INDEX ix_transcript_timestamp ON transcript (timestamp);
        CREATE INDEX ix_audit_log_at ON audit_log (at);

        ALTER TABLE demo_recovery_codes ADD COLUMN issued_at INTEGER;
        ALTER TABLE demo_recovery_codes ADD COLUMN replaced_by TEXT;

        CREATE TABLE demo_session_revocations (
            account_id      TEXT NOT NULL,
            revoked_at      INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE security_holds (
            case_id         TEXT NOT NULL PRIMARY KEY,
            until           INTEGER NOT NULL,
            reason          TEXT NOT NULL,
            created_at      INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;
        """;

    // Security/BotChallenge: a redeemed challenge is kept until it expires (single use); the lookup count of an
    // anonymous conversation caps how many identifiers one challenge buys.
    private const string BotChallenge =
        """
        CREATE TABLE bot_challenge_redemptions (
            challenge_hash  BLOB NOT NULL PRIMARY KEY,
            expires_at      INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;

        CREATE INDEX ix_bot_challenge_redemptions_expires ON bot_challenge_redemptions (expires_at);

        CREATE TABLE bot_challenge_lookups (
            conversation_id TEXT NOT NULL PRIMARY KEY,
            lookups         INTEGER NOT NULL,
            last_at         INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;

        CREATE INDEX ix_bot_challenge_lookups_last ON bot_challenge_lookups (last_at);
        """;
}
