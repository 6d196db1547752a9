using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using SupportBot.Bot.Localization.Tooling;

namespace SupportBot.Bot.Cli;

/// <summary><c>supportbot locales stats [--json]</c>: completeness per language and per country.</summary>
internal static class LocalesStatsCommand
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter output)
    {
        var path = LocalesCommand.PathOption();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var stats = new Command("stats", "Completeness per language (keys, recognizer examples, held-out lines) and per country.") { path, json };
        stats.SetAction(parseResult =>
        {
            var report = LocalesStats.Collect(LocalesCommand.ResolvePath(parseResult.GetValue(path)));
            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(report, s_json));
                return 0;
            }

            output.WriteLine($"{"language",-9} {"keys",-11} {"complete",8} {"intents",-9} {"examples",8} {"min/intent",10} {"held-out",8}");
            foreach (var l in report.Languages)
            {
                output.WriteLine($"{l.Language,-9} {$"{l.Keys}/{l.SourceKeys}",-11} {l.Completeness,8:P0} {$"{l.Intents}/{l.SourceIntents}",-9} {l.Examples,8} {l.MinExamplesPerIntent,10} {l.HeldOutLines,8}");
            }

            output.WriteLine();
            output.WriteLine($"{"country",-8} {"status",-6} {"languages (✓ complete, ✗ not)"}");
            foreach (var c in report.Countries)
            {
                output.WriteLine($"{c.Iso,-8} {c.Status,-6} {string.Join(" ", c.Languages.Select(l => (l.Complete ? "✓" : "✗") + l.Language))}");
            }

            return 0;
        });
        return stats;
    }
}
