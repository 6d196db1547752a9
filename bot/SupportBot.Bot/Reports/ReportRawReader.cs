using SupportBot.Bot.Cases;
using SupportBot.Bot.Conversation;
using SupportBot.Bot.Storage.Sqlite;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Bot.Reports;

/// <summary>
/// Reads the raw rows the report is computed from: conversations with their stored state, cases, and the audit
/// records of the types it counts. Read-only, off the turn path; one statement per table (one WAL snapshot each).
/// </summary>
internal sealed class ReportRawReader(SqliteDatabase database)
{
    // Only the audit types a figure needs, so the rest of the chain (message counts, lookups) is never loaded.
    private static readonly string[] s_types =
    [
        "recovery_started", "verification_passed", "verification_failed", "throttled", "verification_paused", "verification_slow_path",
        "escalated", "agent_signed_in", "agent_accepted", "agent_resolved", "agent_returned_to_bot", "agent_transferred", "agent_message",
        "case_cancelled", "repudiated",
    ];

    private static readonly string s_eventsSql =
        $"SELECT type, at, actor, conversation_id, case_id, data_json FROM audit_log WHERE type IN ({string.Join(", ", s_types.Select(t => $"'{t}'"))}) ORDER BY sequence;";

    private const string ConversationsSql =
        """
        SELECT c.conversation_id, c.created_at, s.state_json
        FROM conversations AS c LEFT JOIN conversation_state AS s ON s.conversation_id = c.conversation_id;
        """;

    private const string CasesSql =
        "SELECT case_id, conversation_id, country, language, account_ref, status, created_at, updated_at FROM cases;";

    public Task<ReportRawData> ReadAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            "reading the report's raw rows",
            0,
            static async (session, _, token) =>
            {
                var conversations = new List<RawConversation>();
                await using (var reader = await session.Command(ConversationsSql).ExecuteReaderAsync(token))
                {
                    while (await reader.ReadAsync(token))
                    {
                        var state = reader.IsDBNull(2) ? null : TryState(reader.GetString(2));
                        var snapshot = state?.Snapshot;
                        conversations.Add(new RawConversation(
                            reader.GetString(0),
                            reader.GetInstant(1),
                            snapshot?.Country ?? ReportMetrics.UnknownCountry,
                            snapshot?.Language ?? ReportMetrics.UnknownLanguage,
                            snapshot?.Problem?.ToLabel(),
                            snapshot?.State.ToString() ?? "unknown",
                            snapshot?.CaseId));
                    }
                }

                var cases = new List<RawCase>();
                await using (var reader = await session.Command(CasesSql).ExecuteReaderAsync(token))
                {
                    while (await reader.ReadAsync(token))
                    {
                        var status = reader.GetString(5);
                        cases.Add(new RawCase(
                            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                            reader.GetInstant(6),
                            status is CaseStatus.Resolved or CaseStatus.Cancelled ? reader.GetInstant(7) : null));
                    }
                }

                var events = new List<RawEvent>();
                await using (var reader = await session.Command(s_eventsSql).ExecuteReaderAsync(token))
                {
                    while (await reader.ReadAsync(token))
                    {
                        events.Add(new RawEvent(
                            reader.GetString(0), reader.GetInstant(1), reader.GetString(2), reader.GetNullableString(3), reader.GetNullableString(4),
                            reader.GetString(5)));
                    }
                }

                return new ReportRawData(conversations, cases, events);
            },
            cancellationToken);

    private static HostConversationState? TryState(string json)
    {
        try
        {
            return ConversationStateJson.Deserialize(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // A state written by a future version: the conversation still counts, without its details.
        }
    }
}
