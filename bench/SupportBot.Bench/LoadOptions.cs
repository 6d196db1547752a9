using System.Globalization;

namespace SupportBot.Bench;

/// <summary>The load generator's knobs; the defaults are the budget's scenario (SPEC §10).</summary>
/// <remarks>
/// <c>--warmup N</c> full rounds run first and are not reported: the JIT's tiered, profile-guided recompilation
/// takes a few thousand turns to settle, and the budget is about the steady state of a running service.
/// <c>--open-only</c> measures memory instead: it opens the conversations (start and one message each) and reports the working set.
/// </remarks>
internal sealed record LoadOptions(int Conversations, int Connections, int Rounds, int WarmUpRounds, bool OpenOnly = false)
{
    public static LoadOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new LoadOptions(Get("--conversations", 1000), Get("--connections", 32), Get("--rounds", 3), Get("--warmup", 6), args.Contains("--open-only"));
    }
}
