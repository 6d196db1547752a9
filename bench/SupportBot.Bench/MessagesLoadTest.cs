using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Delivery;

namespace SupportBot.Bench;

/// <summary>
/// The budget's scenario: N conversations over C connections, each the full recovery flow through
/// <c>/api/messages</c> with <c>deliveryMode: expectReplies</c> and durable SQLite state:
/// start → "my account was hacked" → "talk to a person" → identifier → Email → the code → queued.
/// </summary>
internal static class MessagesLoadTest
{
    private static readonly string[] s_script = ["start", "my account was hacked and they changed my password", "talk to a person", "{identifier}", "method:email", "{code}"];

    public static async Task<string> RunAsync(LoadOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("supportbot-bench-");
        var sender = new CapturingSender();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseContentRoot(data.FullName);
            builder.UseSetting("Data:Directory", data.FullName);
            builder.UseSetting("Directory:Demo", "true");
            builder.UseSetting("Directory:DemoExtraAccounts", (options.Conversations * (options.Rounds + options.WarmUpRounds)).ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");

            // Every simulated claimant comes from one loopback address with no app id. The lookup limits and the bot
            // challenge gate still run on every lookup (their cost is measured), with limits this load stays under and
            // /api/messages treated as the authenticated channel path it is in a real deployment (security.md D3).
            builder.UseSetting("Security:LookupLimits:PerAddressPermitLimit", "100000");
            builder.UseSetting("Security:LookupLimits:GlobalPermitLimit", "1000000");
            builder.UseSetting("Security:BotChallenge:ExemptUnauthenticatedBotConnector", "true");
            builder.ConfigureTestServices(services => services.AddSingleton<IMessageSender>(sender));
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var baseAddress = factory.ClientOptions.BaseAddress;

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };

        if (options.OpenOnly)
        {
            var memory = await OpenConversationsAsync(client, options, cancellationToken);
            await log.WriteLineAsync(memory);
            data.Delete(recursive: true);
            return memory;
        }

        var report = new StringBuilder();
        var user = 0;
        for (var round = 1 - options.WarmUpRounds; round <= options.Rounds; round++)
        {
            // Rounds up to 0 warm up (JIT tiers and PGO, connection pool, SQLite cache) and are not reported.
            var latencies = new List<double>[options.Connections];
            var queued = 0;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var pauseBefore = GC.GetTotalPauseDuration();
            var stopwatch = Stopwatch.StartNew();
            var next = -1;
            var workers = Enumerable.Range(0, options.Connections).Select(async worker =>
            {
                latencies[worker] = [];
                int index;
                while ((index = Interlocked.Increment(ref next)) < options.Conversations)
                {
                    var account = Interlocked.Increment(ref user);
                    if (await RunConversationAsync(client, sender, $"bench-{round}-{index}", $"user{account}@example.com", latencies[worker], cancellationToken))
                    {
                        Interlocked.Increment(ref queued);
                    }
                }
            });
            await Task.WhenAll(workers);
            stopwatch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
            var gcs = (GC.CollectionCount(0) - gcBefore.Item1, GC.CollectionCount(1) - gcBefore.Item2, GC.CollectionCount(2) - gcBefore.Item3);
            var pause = GC.GetTotalPauseDuration() - pauseBefore;

            if (round <= 0)
            {
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"warm-up {round + options.WarmUpRounds}/{options.WarmUpRounds} done in {stopwatch.Elapsed.TotalSeconds:F1} s"));
                continue;
            }

            var all = latencies.SelectMany(list => list).Order().ToArray();
            var line = string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {all.Length} turns in {stopwatch.Elapsed.TotalSeconds:F2} s = {all.Length / stopwatch.Elapsed.TotalSeconds:F0} turns/s; p50 {Percentile(all, 0.50):F2} ms, p99 {Percentile(all, 0.99):F2} ms, max {all[^1]:F1} ms; {queued}/{options.Conversations} conversations queued; CPU {cpu.TotalMilliseconds * 1000 / all.Length:F0} µs/turn ({cpu.TotalSeconds / stopwatch.Elapsed.TotalSeconds * 100:F0}%), {allocated / all.Length / 1024.0:F1} KB allocated/turn, GCs {gcs.Item1}/{gcs.Item2}/{gcs.Item3} paused {pause.TotalMilliseconds:F0} ms");
            await log.WriteLineAsync(line);
            report.AppendLine(line);
        }

        data.Delete(recursive: true);
        return report.ToString();
    }

    /// <summary>
    /// SPEC §10's memory budget: opens the conversations (started and one message each, none finished) and reports
    /// the working set. Client and server share the process, so the figure includes the load generator.
    /// </summary>
    private static async Task<string> OpenConversationsAsync(HttpClient client, LoadOptions options, CancellationToken cancellationToken)
    {
        var next = -1;
        var workers = Enumerable.Range(0, options.Connections).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < options.Conversations)
            {
                var conversationId = $"open-{index}";
                await PostAsync(client, Activity(conversationId, "conversationUpdate", null, null), cancellationToken);
                await PostAsync(client, Activity(conversationId, "message", s_script[1], null), cancellationToken);
            }
        });
        await Task.WhenAll(workers);

        using var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        process.Refresh();
        return string.Create(CultureInfo.InvariantCulture,
            $"{options.Conversations} conversations open: working set {workingSet / 1048576.0:F0} MB (after a full GC {process.WorkingSet64 / 1048576.0:F0} MB, peak {process.PeakWorkingSet64 / 1048576.0:F0} MB), managed heap {GC.GetTotalMemory(forceFullCollection: false) / 1048576.0:F0} MB");
    }

    private static async Task PostAsync(HttpClient client, object activity, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", activity, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"/api/messages answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static async Task<bool> RunConversationAsync(HttpClient client, CapturingSender sender, string conversationId, string identifier, List<double> latencies, CancellationToken cancellationToken)
    {
        string? lastText = null;
        foreach (var step in s_script)
        {
            object activity = step switch
            {
                "start" => Activity(conversationId, "conversationUpdate", null, null),
                "method:email" => Activity(conversationId, "message", "Email", new { action = "method:email" }),
                "{identifier}" => Activity(conversationId, "message", identifier, null),
                // As Web Chat posts the code box (security.md A3): a value and no text.
                "{code}" => Activity(conversationId, "message", null, new { action = "verify.code", code = await sender.WaitForCodeAsync(identifier).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken) }),
                _ => Activity(conversationId, "message", step, null),
            };

            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsJsonAsync("/api/messages", activity, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"/api/messages answered {(int)response.StatusCode}: {body}");
            }

            using var document = JsonDocument.Parse(body);
            lastText = document.RootElement.GetProperty("activities").EnumerateArray().LastOrDefault().TryGetProperty("text", out var text) ? text.GetString() : null;
        }

        sender.Forget(identifier);
        return lastText?.Contains("SB-", StringComparison.Ordinal) == true;
    }

    private static object Activity(string conversationId, string type, string? text, object? value) => new
    {
        type,
        id = Guid.NewGuid().ToString("N"),
        channelId = "bench",
        serviceUrl = "http://127.0.0.1:1/",
        deliveryMode = "expectReplies",
        locale = "en-US",
        from = new { id = "user-" + conversationId, role = "user" },
        recipient = new { id = "supportbot", role = "bot" },
        conversation = new { id = conversationId },
        membersAdded = type == "conversationUpdate" ? new[] { new { id = "user-" + conversationId } } : null,
        text,
        value,
    };

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
