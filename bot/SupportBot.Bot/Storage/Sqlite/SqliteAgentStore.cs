using Microsoft.Data.Sqlite;
using SupportBot.Bot.Agents;

namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>Agent accounts and case handling in SQLite (migration 3).</summary>
internal sealed class SqliteAgentStore(SqliteDatabase database) : IAgentStore
{
    private const string AgentColumns =
        "agent_id, username, display_name, password_hash, role, languages, countries, console_language, failed_sign_ins, locked_until, created_at";

    private const string HandlingColumns =
        "case_id, agent_id, target_language, target_country, target_agent_id, accepted_at, outcome, resolved_at, rating, rated_at, hub_state";

    private const string InsertAgentSql =
        $"""
        INSERT INTO agents ({AgentColumns})
        VALUES ($agent_id, $username, $display_name, $password_hash, $role, $languages, $countries, $console_language, 0, NULL, $created_at)
        ON CONFLICT DO NOTHING;
        """;

    private const string SelectByUsernameSql = $"SELECT {AgentColumns} FROM agents WHERE username = $username;";

    private const string SelectByIdSql = $"SELECT {AgentColumns} FROM agents WHERE agent_id = $agent_id;";

    private const string SelectAllSql = $"SELECT {AgentColumns} FROM agents ORDER BY username;";

    private const string FailedSql =
        """
        UPDATE agents SET failed_sign_ins = failed_sign_ins + 1,
            locked_until = CASE WHEN failed_sign_ins + 1 >= $lock_at THEN $locked_until ELSE locked_until END
        WHERE agent_id = $agent_id;
        """;

    private const string SucceededSql = "UPDATE agents SET failed_sign_ins = 0, locked_until = NULL WHERE agent_id = $agent_id;";

    private const string OpenCasesSql =
        """
        SELECT c.case_id, c.conversation_id, c.channel_id, c.language, c.country, c.intent, c.status, c.account_ref, c.evidence_json,
               c.created_at, c.updated_at,
               h.agent_id, h.target_language, h.target_country, h.target_agent_id, h.accepted_at, h.outcome, h.resolved_at,
               h.rating, h.rated_at, h.hub_state
        FROM cases AS c LEFT JOIN case_handling AS h ON h.case_id = c.case_id
        WHERE c.status IN ('queued', 'after_hours', 'with_agent')
        ORDER BY c.created_at, c.id
        LIMIT 2000;
        """;

    private const string SelectHandlingSql = $"SELECT {HandlingColumns} FROM case_handling WHERE case_id = $case_id;";

    private const string UpsertHandlingSql =
        $"""
        INSERT INTO case_handling ({HandlingColumns}, updated_at)
        VALUES ($case_id, $agent_id, $target_language, $target_country, $target_agent_id, $accepted_at, $outcome, $resolved_at, $rating, $rated_at, $hub_state, $updated_at)
        ON CONFLICT (case_id) DO UPDATE SET
            agent_id = excluded.agent_id, target_language = excluded.target_language, target_country = excluded.target_country,
            target_agent_id = excluded.target_agent_id, accepted_at = excluded.accepted_at, outcome = excluded.outcome,
            resolved_at = excluded.resolved_at, rating = excluded.rating, rated_at = excluded.rated_at, hub_state = excluded.hub_state,
            updated_at = excluded.updated_at;
        """;

    public Task<bool> CreateAsync(AgentAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return database.WriteAsync(
            "creating an agent",
            account,
            static async (session, a, token) => await session.Command(InsertAgentSql)
                .Bind("$agent_id", a.AgentId)
                .Bind("$username", a.Username)
                .Bind("$display_name", a.DisplayName)
                .Bind("$password_hash", a.PasswordHash)
                .Bind("$role", a.Role)
                .Bind("$languages", string.Join(',', a.Languages))
                .Bind("$countries", string.Join(',', a.Countries))
                .Bind("$console_language", a.ConsoleLanguage)
                .Bind("$created_at", a.CreatedAt)
                .ExecuteNonQueryAsync(token) == 1,
            cancellationToken);
    }

    public Task<AgentAccount?> FindByUsernameAsync(string username, CancellationToken cancellationToken) =>
        ReadAgentAsync(SelectByUsernameSql, "$username", username, cancellationToken);

    public Task<AgentAccount?> GetAsync(string agentId, CancellationToken cancellationToken) =>
        ReadAgentAsync(SelectByIdSql, "$agent_id", agentId, cancellationToken);

    public Task<IReadOnlyList<AgentAccount>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            "listing agents",
            0,
            static async (session, _, token) =>
            {
                await using var reader = await session.Command(SelectAllSql).ExecuteReaderAsync(token);
                var agents = new List<AgentAccount>();
                while (await reader.ReadAsync(token))
                {
                    agents.Add(ReadAgent(reader));
                }

                return (IReadOnlyList<AgentAccount>)agents;
            },
            cancellationToken);

    public Task RecordFailedSignInAsync(string agentId, int lockAt, DateTimeOffset lockedUntil, CancellationToken cancellationToken) =>
        database.WriteAsync(
            "recording a failed sign-in",
            (agentId, lockAt, lockedUntil),
            static async (session, s, token) => await session.Command(FailedSql)
                .Bind("$agent_id", s.agentId)
                .Bind("$lock_at", s.lockAt)
                .Bind("$locked_until", s.lockedUntil)
                .ExecuteNonQueryAsync(token),
            cancellationToken);

    public Task RecordSignInAsync(string agentId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            "recording a sign-in",
            agentId,
            static async (session, id, token) => await session.Command(SucceededSql).Bind("$agent_id", id).ExecuteNonQueryAsync(token),
            cancellationToken);

    public Task<IReadOnlyList<(CaseRecord Case, CaseHandling Handling)>> ListOpenCasesAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            "listing open cases",
            0,
            static async (session, _, token) =>
            {
                await using var reader = await session.Command(OpenCasesSql).ExecuteReaderAsync(token);
                var rows = new List<(CaseRecord, CaseHandling)>();
                while (await reader.ReadAsync(token))
                {
                    var record = new CaseRecord(
                        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                        reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8),
                        reader.GetInstant(9), reader.GetInstant(10));
                    rows.Add((record, ReadHandling(reader, record.CaseId, 11)));
                }

                return (IReadOnlyList<(CaseRecord, CaseHandling)>)rows;
            },
            cancellationToken);

    public Task<CaseHandling> GetHandlingAsync(string caseId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            "reading a case's handling",
            caseId,
            static async (session, id, token) =>
            {
                await using var reader = await session.Command(SelectHandlingSql).Bind("$case_id", id).ExecuteReaderAsync(token);
                return await reader.ReadAsync(token) ? ReadHandling(reader, id, 1) : CaseHandling.None(id);
            },
            cancellationToken);

    public Task SaveHandlingAsync(CaseHandling handling, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handling);
        return database.WriteAsync(
            "saving a case's handling",
            (handling, at),
            static async (session, s, token) => await session.Command(UpsertHandlingSql)
                .Bind("$case_id", s.handling.CaseId)
                .Bind("$agent_id", s.handling.AgentId)
                .Bind("$target_language", s.handling.TargetLanguage)
                .Bind("$target_country", s.handling.TargetCountry)
                .Bind("$target_agent_id", s.handling.TargetAgentId)
                .Bind("$accepted_at", s.handling.AcceptedAt)
                .Bind("$outcome", s.handling.Outcome)
                .Bind("$resolved_at", s.handling.ResolvedAt)
                .Bind("$rating", s.handling.Rating)
                .Bind("$rated_at", s.handling.RatedAt)
                .Bind("$hub_state", s.handling.HubState)
                .Bind("$updated_at", s.at)
                .ExecuteNonQueryAsync(token),
            cancellationToken);
    }

    private Task<AgentAccount?> ReadAgentAsync(string sql, string name, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        return database.ReadAsync(
            "reading an agent",
            (sql, name, value),
            static async (session, s, token) =>
            {
                await using var reader = await session.Command(s.sql).Bind(s.name, s.value).ExecuteReaderAsync(token);
                return await reader.ReadAsync(token) ? ReadAgent(reader) : null;
            },
            cancellationToken);
    }

    private static AgentAccount ReadAgent(SqliteDataReader reader) => new(
        AgentId: reader.GetString(0),
        Username: reader.GetString(1),
        DisplayName: reader.GetString(2),
        PasswordHash: reader.GetString(3),
        Role: reader.GetString(4),
        Languages: Split(reader.GetString(5)),
        Countries: Split(reader.GetString(6)),
        ConsoleLanguage: reader.GetString(7),
        FailedSignIns: reader.GetInt32(8),
        LockedUntil: reader.GetNullableInstant(9),
        CreatedAt: reader.GetInstant(10));

    // Column order: agent_id, target_language, target_country, target_agent_id, accepted_at, outcome, resolved_at, rating, rated_at, hub_state.
    private static CaseHandling ReadHandling(SqliteDataReader reader, string caseId, int first) => new(
        caseId,
        reader.GetNullableString(first),
        reader.GetNullableString(first + 1),
        reader.GetNullableString(first + 2),
        reader.GetNullableString(first + 3),
        reader.GetNullableInstant(first + 4),
        reader.GetNullableString(first + 5),
        reader.GetNullableInstant(first + 6),
        reader.GetNullableString(first + 7),
        reader.GetNullableInstant(first + 8),
        reader.GetNullableString(first + 9));

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
