using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Cli;

/// <summary><c>supportbot cases list [--json] [--status S]</c>: cases with state, language, country and verification evidence.</summary>
internal static class CasesCommand
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var status = new Option<string?>("--status") { Description = "Only cases with this status (queued, after_hours, with_agent, resolved, cancelled)." };
        var limit = new Option<int>("--limit") { Description = "At most this many cases, newest first.", DefaultValueFactory = _ => 100 };
        var list = new Command("list", "List cases, newest first.") { json, status, limit };
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(cancellationToken);
            var cases = await host.Services.GetRequiredService<ICaseStore>()
                .ListAsync(parseResult.GetValue(status), Math.Clamp(parseResult.GetValue(limit), 1, 10_000), cancellationToken);
            if (parseResult.GetValue(json))
            {
                var rows = cases.Select(c => new
                {
                    caseId = c.CaseId,
                    status = c.Status,
                    language = c.Language,
                    country = c.Country,
                    intent = c.Intent,
                    channel = c.ChannelId,
                    conversationId = c.ConversationId,
                    createdAt = c.CreatedAt,
                    updatedAt = c.UpdatedAt,
                    evidence = JsonDocument.Parse(c.EvidenceJson).RootElement,
                });
                await output.WriteLineAsync(JsonSerializer.Serialize(rows, s_json));
                return 0;
            }

            if (cases.Count == 0)
            {
                await output.WriteLineAsync("No cases.");
                return 0;
            }

            await output.WriteLineAsync($"{"CASE",-13} {"STATUS",-12} {"LANG",-5} {"COUNTRY",-7} {"INTENT",-20} {"CREATED (UTC)",-17} EVIDENCE");
            foreach (var c in cases)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{c.CaseId,-13} {c.Status,-12} {c.Language,-5} {c.Country,-7} {c.Intent,-20} {c.CreatedAt.UtcDateTime,-17:yyyy-MM-dd HH:mm} {Evidence(c.EvidenceJson)}"));
            }

            return 0;
        });

        return new Command("cases", "Cases and the agent queue.") { list };
    }

    private static string Evidence(string evidenceJson)
    {
        using var document = JsonDocument.Parse(evidenceJson);
        var root = document.RootElement;
        var checks = root.TryGetProperty("checks", out var list)
            ? string.Join("+", list.EnumerateArray().Select(check => check.GetProperty("method").GetString()))
            : "none";
        var required = root.TryGetProperty("proofsRequired", out var r) ? r.GetInt32() : 0;
        var risks = root.TryGetProperty("riskSignals", out var s) && s.GetArrayLength() > 0
            ? " risk:" + string.Join(",", s.EnumerateArray().Select(x => x.GetString()))
            : string.Empty;
        return $"{checks} ({list.GetArrayLength()}/{required} proofs){risks}";
    }
}
