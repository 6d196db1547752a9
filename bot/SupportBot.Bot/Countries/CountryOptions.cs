namespace SupportBot.Bot.Countries;

/// <summary>Bound from section "Countries".</summary>
public sealed class CountryOptions
{
    /// <summary>
    /// The country whose hours and rules apply when neither the channel (<c>channelData.country</c>) nor the
    /// activity's locale region names a country with a profile. Must have a profile; checked at start-up.
    /// </summary>
    /// <value>US</value>
    public string Default { get; set; } = "US";

    /// <summary>
    /// Treat support as open whatever the hours and holidays say (countries without live chat still never queue).
    /// Unset: on in Development, so the demo path can be tried at any hour; off elsewhere.
    /// </summary>
    public bool? IgnoreSupportHours { get; set; }
}
