using Microsoft.AspNetCore.Http.HttpResults;
using SupportBot.Bot.Localization;
using SupportBot.Bot.Web;
using SupportBot.Dialogs.Countries;

namespace SupportBot.Bot.Countries;

/// <summary><c>GET /api/countries?locale=xx</c>: the web page's country picker (codes, the picker's label, the default).</summary>
/// <remarks>Country names are not sent: the page shows them in the user's language with the browser's <c>Intl.DisplayNames</c>.</remarks>
internal static class CountryEndpoints
{
    public static IEndpointRouteBuilder MapCountries(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/countries", GetCountries).WithTags("Web page");
        return endpoints;
    }

    internal static Ok<CountryList> GetCountries(string? locale, ICountryProfiles profiles, CountryResolver resolver, ITextRenderer text)
    {
        var language = LanguageCatalog.NormalizeTag(locale) ?? LanguageCatalog.FallbackLanguage;
        return TypedResults.Ok(new CountryList(
            text.Render(language, "country.picker.label"),
            resolver.DefaultProfile.Iso,
            [.. profiles.All.Select(p => new CountryListItem(p.Iso, p.Status.ToString().ToLowerInvariant(), p.OffersLiveChat))]));
    }
}

/// <summary>The picker's data.</summary>
internal sealed record CountryList(string Label, string Default, IReadOnlyList<CountryListItem> Countries);

/// <summary>One country of the picker.</summary>
internal sealed record CountryListItem(string Iso, string Status, bool LiveChat);
