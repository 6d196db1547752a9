using Microsoft.Extensions.Options;
using SupportBot.Bot.Conversation;
using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Countries;

namespace SupportBot.Bot.Countries;

/// <summary>
/// Live support per country, from its profile: open now by its weekly hours in its time zone, closed on its
/// holidays, and never for drafts or countries whose chat has no agents. The agents' presence composes on top of
/// this (a decorator of <see cref="ISupportAvailability"/>), it does not replace the schedule.
/// </summary>
public sealed class CountrySupportAvailability(ICountryProfiles profiles, CountryResolver resolver, IOptions<CountryOptions> options) : ISupportAvailability
{
    private readonly bool _ignoreHours = options.Value.IgnoreSupportHours == true;

    public SupportAvailability Get(string country, string language, DateTimeOffset now)
    {
        var profile = profiles.Find(country) ?? resolver.DefaultProfile;
        if (!profile.OffersLiveChat)
        {
            return SupportAvailability.NoLiveChat;
        }

        if (_ignoreHours)
        {
            return SupportAvailability.AlwaysOpen;
        }

        var schedule = profile.Support;
        return schedule.IsOpen(now) ? SupportAvailability.AlwaysOpen : new SupportAvailability(false, schedule.NextOpening(now));
    }
}
