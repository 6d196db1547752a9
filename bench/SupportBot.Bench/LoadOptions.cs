using System.Globalization;

namespace SupportBot.Bench;

/// <summary>The load generator's knobs; the defaults are the budget's scenario (SPEC §10).</summary>
/// <remarks><c>--open-only</c> measures memory instead: it opens the conversations (start and one message each) and reports the working set.</remarks>
internal sealed record LoadOptions(int Conversations, int Connections, int Rounds, bool OpenOnly = false)
{
    public static LoadOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new LoadOptions(Get("--conversations", 1000), Get("--connections", 32), Get("--rounds", 3), args.Contains("--open-only"));
    }
}
