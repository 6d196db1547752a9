namespace SupportBot.Dialogs.Countries;

/// <summary>The country profiles loaded at start-up.</summary>
public interface ICountryProfiles
{
    /// <summary>Every profile, ordered by ISO code.</summary>
    IReadOnlyList<CountryProfile> All { get; }

    /// <summary>The profile of <paramref name="iso"/> (case-insensitive), or null.</summary>
    CountryProfile? Find(string? iso);
}
