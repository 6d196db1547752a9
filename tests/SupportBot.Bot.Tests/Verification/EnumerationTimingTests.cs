using System.Diagnostics;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Verification;

/// <summary>
/// docs/security.md D1–D2: an existing, a missing, a locked and a disabled account get the same replies (text,
/// message count, buttons) and the same latency distribution through the real host (/api/messages, expectReplies).
/// </summary>
public sealed class EnumerationTimingTests
{
    private const int TrialsPerClass = 300;
    private const int WarmUpRounds = 40;

    private static readonly string[] s_classes = ["existing", "missing", "locked", "disabled"];

    [Fact]
    public void KolmogorovSmirnov_TellsShiftedFromEqualDistributions()
    {
        var random = new Random(7);
        double[] Sample(double shift) => [.. Enumerable.Range(0, 300).Select(_ => shift + (random.NextDouble() * 2) + random.NextDouble())];

        Assert.True(KolmogorovSmirnov.TwoSample(Sample(0), Sample(0)).P > 0.01);
        Assert.True(KolmogorovSmirnov.TwoSample(Sample(0), Sample(0.5)).P < 0.01);
    }

    [Fact]
    public async Task ExistingMissingLockedAndDisabled_AreIndistinguishable_ByReplyAndByLatency()
    {
        using var app = new BotApplication();
        var http = app.CreateClient();
        var latencies = s_classes.ToDictionary(name => name, _ => new List<double>());
        var transcripts = s_classes.ToDictionary(name => name, _ => new HashSet<string>(StringComparer.Ordinal));
        var order = new Random(20261122);

        for (var round = 0; round < WarmUpRounds + TrialsPerClass; round++)
        {
            // Interleaved in a new order each round, so drift (JIT, GC, a busy machine) falls on every class alike.
            foreach (var name in s_classes.OrderBy(_ => order.Next()))
            {
                var (elapsed, transcript) = await TrialAsync(http, name, round);
                if (round >= WarmUpRounds)
                {
                    latencies[name].Add(elapsed);
                    transcripts[name].Add(transcript);
                }
            }

            // Three hours a round keeps every account under its send caps (3 an hour, 10 a day).
            app.Clock.Advance(TimeSpan.FromHours(3));
        }

        var reference = Assert.Single(transcripts["missing"]);
        TestContext.Current.TestOutputHelper?.WriteLine(reference);
        foreach (var name in s_classes)
        {
            Assert.Equal(reference, Assert.Single(transcripts[name]));
        }

        var report = string.Join("; ", s_classes.Select(name =>
        {
            var sorted = latencies[name].Order().ToArray();
            return $"{name}: median {sorted[sorted.Length / 2]:F3} ms, p90 {sorted[sorted.Length * 9 / 10]:F3} ms";
        }));
        foreach (var name in new[] { "existing", "locked", "disabled" })
        {
            var (d, p) = KolmogorovSmirnov.TwoSample(latencies[name], latencies["missing"]);
            TestContext.Current.TestOutputHelper?.WriteLine($"{name} vs missing: D = {d:F3}, p = {p:F3}");
            Assert.True(p > 0.01, $"{name} vs missing: KS D = {d:F3}, p = {p:F4} ({report})");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(report);
    }

    private static async Task<(double Milliseconds, string Transcript)> TrialAsync(HttpClient http, string name, int round)
    {
        var identifier = name switch
        {
            "existing" => "maria@example.com",
            "locked" => "locked@example.com",
            "disabled" => "disabled@example.com",
            _ => $"nobody-{round}-{Guid.NewGuid():N}"[..24] + "@example.com",
        };
        var user = new ExpectRepliesClient(http, $"enum-{name}-{round}");
        await user.StartAsync();
        await user.PressAsync("human");

        var watch = Stopwatch.StartNew();
        await user.SayAsync(identifier);
        var identified = Describe(user);
        await user.PressAsync("method:email");
        watch.Stop();

        return (watch.Elapsed.TotalMilliseconds, identified + "\n" + Describe(user));
    }

    private static string Describe(ExpectRepliesClient user) =>
        $"{user.LastReplies.Count} replies: {user.LastText} | buttons: {string.Join(",", user.LastButtons)} | titles: {string.Join(",", user.LastButtonTitles)}";
}
