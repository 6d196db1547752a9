using Microsoft.Extensions.Options;
using SupportBot.Bot.Conversation;
using SupportBot.Dialogs.Conversation;

namespace SupportBot.Bot.Agents;

/// <summary>
/// Support hours (whatever <see cref="ISupportAvailability"/> is registered: fixed hours, per-country profiles)
/// composed with presence: during opening hours, with <see cref="AgentOptions.RequireOnlineAgent"/> on, support counts
/// as open only if an agent for the language and country has the console open. The schedule itself is not touched.
/// </summary>
internal sealed class StaffedSupportAvailability(ISupportAvailability schedule, AgentEventHub presence, IOptions<AgentOptions> options)
    : ISupportAvailability
{
    public SupportAvailability Get(string country, string language, DateTimeOffset now)
    {
        var scheduled = schedule.Get(country, language, now);
        if (!scheduled.IsOpen || !options.Value.RequireOnlineAgent || presence.IsAnyoneOnline(language, country))
        {
            return scheduled;
        }

        // Open, but nobody for this language and country is online: no opening time to promise.
        return new SupportAvailability(false, null);
    }
}
