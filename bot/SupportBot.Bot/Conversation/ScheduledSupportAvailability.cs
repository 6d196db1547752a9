using Microsoft.Extensions.Options;
using SupportBot.Dialogs.Conversation;

namespace SupportBot.Bot.Conversation;

/// <summary>Support availability from fixed weekly hours (<see cref="SupportHoursOptions"/>).</summary>
public sealed class ScheduledSupportAvailability(IOptions<SupportHoursOptions> options) : ISupportAvailability
{
    private readonly SupportHoursOptions _options = options.Value;
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public SupportAvailability Get(string country, string language, DateTimeOffset now)
    {
        if (IsOpen(now))
        {
            return SupportAvailability.AlwaysOpen;
        }

        // Walk forward in 15-minute steps to the next opening; a week bounds it.
        for (var probe = now; probe < now.AddDays(8); probe = probe.AddMinutes(15))
        {
            if (IsOpen(probe))
            {
                return new SupportAvailability(false, probe);
            }
        }

        return new SupportAvailability(false, null);
    }

    private bool IsOpen(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, _zone);
        if (!_options.Days.Contains(local.DayOfWeek))
        {
            return false;
        }

        if (_options.Opens == _options.Closes)
        {
            return true;
        }

        var time = TimeOnly.FromDateTime(local.DateTime);
        return _options.Opens < _options.Closes
            ? time >= _options.Opens && time < _options.Closes
            : time >= _options.Opens || time < _options.Closes;
    }
}
