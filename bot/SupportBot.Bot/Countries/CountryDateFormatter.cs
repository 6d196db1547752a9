using System.Globalization;
using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Countries;

namespace SupportBot.Bot.Countries;

/// <summary>
/// Formats the moments a reply mentions (the next opening) for the user's country: in its time zone, with the
/// user's language in the country's region (<c>fr</c> in CA → <c>fr-CA</c>, else the profile's culture's language
/// or the plain language), and the country's pinned calendar (ar-SA would otherwise print Um Al-Qura dates).
/// </summary>
/// <remarks>ICU arguments take dates already formatted (docs/localization.md §6), so this runs before rendering.</remarks>
public sealed class CountryDateFormatter(CountryResolver countries)
{
    private static readonly Lazy<HashSet<string>> s_cultures = new(() =>
        CultureInfo.GetCultures(CultureTypes.AllCultures).Select(c => c.Name).Where(n => n.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary><paramref name="reply"/> with every date argument replaced by its text for the country and language.</summary>
    public Reply Localize(Reply reply, string country, string language)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!reply.Arguments.Values.Any(v => v is DateTimeOffset))
        {
            return reply;
        }

        var profile = countries.ProfileOf(country);
        var arguments = reply.Arguments.ToDictionary(
            pair => pair.Key,
            pair => pair.Value is DateTimeOffset at ? (object?)Format(at, profile, language) : pair.Value,
            StringComparer.Ordinal);
        return reply with { Arguments = arguments };
    }

    /// <summary>E.g. "Monday, 23 November 2026 08:00 (UTC+01:00)" for en in NG.</summary>
    public static string Format(DateTimeOffset at, CountryProfile profile, string language)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var local = TimeZoneInfo.ConvertTime(at, profile.Support.TimeZone);
        var culture = CultureFor(profile, language);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(culture, $"{local.DateTime.ToString("f", culture)} (UTC{sign}{offset:hh\\:mm})");
    }

    /// <summary>The culture for <paramref name="language"/> in the country, with the country's calendar pinned.</summary>
    public static CultureInfo CultureFor(CountryProfile profile, string language)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var regional = $"{language}-{profile.Iso}";
        var name = profile.Formatting.Culture.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase) ? profile.Formatting.Culture
            : s_cultures.Value.Contains(regional) ? regional
            : s_cultures.Value.Contains(language) ? language
            : profile.Formatting.Culture;
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        if (PinnedCalendar(profile.Formatting.Calendar) is { } calendar
            && calendar.GetType() != culture.DateTimeFormat.Calendar.GetType()
            && culture.OptionalCalendars.Any(c => c.GetType() == calendar.GetType()))
        {
            culture.DateTimeFormat.Calendar = calendar;
        }

        return CultureInfo.ReadOnly(culture);
    }

    private static Calendar? PinnedCalendar(string name) => name switch
    {
        "gregorian" => new GregorianCalendar(),
        "um-al-qura" => new UmAlQuraCalendar(),
        "hijri" => new HijriCalendar(),
        "persian" => new PersianCalendar(),
        "thai-buddhist" => new ThaiBuddhistCalendar(),
        _ => null,
    };
}
