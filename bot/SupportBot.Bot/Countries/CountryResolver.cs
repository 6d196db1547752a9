using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Protocol;
using SupportBot.Dialogs.Countries;

namespace SupportBot.Bot.Countries;

/// <summary>
/// Which country's rules apply to a conversation. In order: <c>channelData.country</c> on the activity (the web page
/// sends the picked country, or the browser locale's region), the region of the activity's <c>locale</c>
/// (<c>fr-CA</c> → CA), the country already known for the conversation, then <see cref="CountryOptions.Default"/>.
/// Only countries with a profile count.
/// </summary>
public sealed class CountryResolver
{
    private readonly ICountryProfiles _profiles;

    /// <exception cref="OptionsValidationException">The configured default country has no profile.</exception>
    public CountryResolver(ICountryProfiles profiles, IOptions<CountryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _profiles = profiles ?? throw new ArgumentNullException(nameof(profiles));
        var configured = options.Value.Default;
        DefaultProfile = profiles.Find(configured) ?? throw new OptionsValidationException(
            "Countries:Default", typeof(CountryOptions),
            [$"Countries:Default '{configured}' has no profile in locales/countries; use one of {string.Join(", ", profiles.All.Select(p => p.Iso))}."]);
    }

    public CountryProfile DefaultProfile { get; }

    /// <summary>The ISO code for this turn.</summary>
    /// <param name="activity">The received activity.</param>
    /// <param name="current">The conversation's country from earlier turns, or null for a new conversation.</param>
    public string Resolve(Activity activity, string? current)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (FromChannelData(activity.ChannelData) is { } fromChannel)
        {
            return fromChannel.Iso;
        }

        if (FromLocale(activity.Locale) is { } fromLocale)
        {
            return fromLocale.Iso;
        }

        return _profiles.Find(current)?.Iso ?? DefaultProfile.Iso;
    }

    /// <summary>The profile of <paramref name="iso"/>, or the default one.</summary>
    public CountryProfile ProfileOf(string? iso) => _profiles.Find(iso) ?? DefaultProfile;

    private CountryProfile? FromChannelData(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("country", out var country) && country.ValueKind == JsonValueKind.String
            ? _profiles.Find(country.GetString())
            : null;

    private CountryProfile? FromLocale(string? locale)
    {
        // The region is the first 2-letter subtag after the language: fr-CA, zh-Hant-TW, es-419 (none).
        if (string.IsNullOrEmpty(locale))
        {
            return null;
        }

        var subtags = locale.Replace('_', '-').Split('-');
        return subtags.Skip(1).FirstOrDefault(s => s.Length == 2 && s.All(char.IsAsciiLetter)) is { } region
            ? _profiles.Find(region)
            : null;
    }
}
