using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Conversation;

/// <summary>
/// Opening hours of live support, bound from section "Support". The demo default is always open; a deployment
/// sets its hours in the time zone the team works in.
/// </summary>
public sealed class SupportHoursOptions
{
    /// <summary>IANA time zone of the hours below.</summary>
    /// <value>UTC</value>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <value>00:00</value>
    public TimeOnly Opens { get; set; } = TimeOnly.MinValue;

    /// <summary>Closing time; equal to <see cref="Opens"/> means open all day.</summary>
    /// <value>00:00</value>
    public TimeOnly Closes { get; set; } = TimeOnly.MinValue;

    /// <summary>Days with support.</summary>
    /// <value>Every day.</value>
    [MinLength(1)]
    public DayOfWeek[] Days { get; set; } = Enum.GetValues<DayOfWeek>();
}
