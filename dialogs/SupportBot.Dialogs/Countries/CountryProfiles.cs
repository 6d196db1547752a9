using SupportBot.Dialogs.Localization;

namespace SupportBot.Dialogs.Countries;

/// <summary>Profiles from <c>locales/countries/</c>; loading refuses any profile error, so a bad profile stops start-up.</summary>
/// <threadsafety>Immutable; safe to share.</threadsafety>
public sealed class CountryProfiles : ICountryProfiles
{
    private readonly Dictionary<string, CountryProfile> _byIso;

    public CountryProfiles(IEnumerable<CountryProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        All = [.. profiles.OrderBy(p => p.Iso, StringComparer.Ordinal)];
        _byIso = All.ToDictionary(p => p.Iso, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<CountryProfile> All { get; }

    public CountryProfile? Find(string? iso) => iso is not null && _byIso.TryGetValue(iso, out var profile) ? profile : null;

    /// <summary>Loads <c>&lt;localesRoot&gt;/countries</c>.</summary>
    /// <exception cref="CountryProfileException">A profile is invalid; the message names every file and field.</exception>
    public static CountryProfiles Load(string localesRoot)
    {
        var folder = Path.Combine(localesRoot, CountryProfileLoader.FolderName);
        if (!Directory.Exists(folder))
        {
            throw new CountryProfileException($"The country profiles folder '{folder}' does not exist.");
        }

        var (profiles, findings) = CountryProfileLoader.Load(folder);
        var errors = findings.Where(f => f.Severity == LocaleFindingSeverity.Error).ToList();
        return errors.Count == 0
            ? new CountryProfiles(profiles)
            : throw new CountryProfileException(
                $"Invalid country profiles in {folder} (run 'supportbot locales check' for details):{Environment.NewLine}"
                + string.Join(Environment.NewLine, errors.Select(e => "  " + e)));
    }
}
