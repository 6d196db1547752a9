namespace SupportBot.Dialogs.Countries;

/// <summary>When live support is open in a country: weekly hours in its IANA time zone, minus its public holidays.</summary>
/// <threadsafety>Immutable; safe to share.</threadsafety>
public sealed class SupportSchedule
{
    // Three weeks covers any run of holidays (Eid, Christmas to New Year) after a closed weekend.
    private const int SearchDays = 21;

    public SupportSchedule(TimeZoneInfo timeZone, IReadOnlyList<OpeningHours> hours, IReadOnlyList<PublicHoliday> holidays)
    {
        TimeZone = timeZone ?? throw new ArgumentNullException(nameof(timeZone));
        Hours = hours ?? throw new ArgumentNullException(nameof(hours));
        Holidays = holidays ?? throw new ArgumentNullException(nameof(holidays));
        _closedDates = [.. holidays.Select(h => h.Date)];
    }

    private readonly HashSet<DateOnly> _closedDates;

    public TimeZoneInfo TimeZone { get; }

    public IReadOnlyList<OpeningHours> Hours { get; }

    public IReadOnlyList<PublicHoliday> Holidays { get; }

    /// <summary>Whether support is open at <paramref name="at"/>.</summary>
    public bool IsOpen(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        return !_closedDates.Contains(date)
            && Hours.Any(h => h.Days.Contains(local.DayOfWeek) && time >= h.Opens && (h.ClosesAtMidnight || time < h.Closes));
    }

    /// <summary>The next moment support opens after <paramref name="at"/>, or null when it never does within three weeks.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZone).DateTime;
        var today = DateOnly.FromDateTime(local);
        for (var day = 0; day < SearchDays; day++)
        {
            var date = today.AddDays(day);
            if (_closedDates.Contains(date))
            {
                continue;
            }

            var openings = Hours
                .Where(h => h.Days.Contains(date.DayOfWeek))
                .Select(h => ToInstant(date.ToDateTime(h.Opens)))
                .Where(opening => opening > at)
                .Order()
                .ToList();
            if (openings.Count > 0)
            {
                return openings[0];
            }
        }

        return null;
    }

    /// <summary>A local wall-clock time as an instant; a time skipped by a daylight-saving jump opens an hour later.</summary>
    private DateTimeOffset ToInstant(DateTime local)
    {
        if (TimeZone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }
}

/// <summary>Opening hours on some days of the week, in local time; <see cref="ClosesAtMidnight"/> when written as 24:00.</summary>
public sealed record OpeningHours(IReadOnlySet<DayOfWeek> Days, TimeOnly Opens, TimeOnly Closes, bool ClosesAtMidnight);

/// <summary>A day support is closed; tentative when it depends on a moon sighting.</summary>
public sealed record PublicHoliday(DateOnly Date, string Name, bool Tentative);
