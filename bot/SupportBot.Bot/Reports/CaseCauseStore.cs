using SupportBot.Bot.Storage.Sqlite;

namespace SupportBot.Bot.Reports;

/// <summary>The suspected cause an agent picked when resolving a case (table <c>case_causes</c>); the last pick wins.</summary>
internal sealed class CaseCauseStore(SqliteDatabase database)
{
    private const string UpsertSql =
        """
        INSERT INTO case_causes (case_id, cause, agent_id, chosen_at) VALUES ($case_id, $cause, $agent_id, $chosen_at)
        ON CONFLICT (case_id) DO UPDATE SET cause = excluded.cause, agent_id = excluded.agent_id, chosen_at = excluded.chosen_at;
        """;

    public Task SaveAsync(string caseId, string cause, string agentId, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            "saving a case's suspected cause",
            (caseId, cause, agentId, at),
            static async (session, s, token) => await session.Command(UpsertSql)
                .Bind("$case_id", s.caseId)
                .Bind("$cause", s.cause)
                .Bind("$agent_id", s.agentId)
                .Bind("$chosen_at", s.at)
                .ExecuteNonQueryAsync(token),
            cancellationToken);
}
