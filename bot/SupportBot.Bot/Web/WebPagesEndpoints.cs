using Microsoft.AspNetCore.Http.HttpResults;

namespace SupportBot.Bot.Web;

/// <summary>The small JSON API behind the built-in web page: the language list and the page's strings.</summary>
internal static class WebPagesEndpoints
{
    public static IEndpointRouteBuilder MapWebPages(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Web page");
        api.MapGet("/languages", GetLanguages);
        api.MapGet("/languages/{tag}", GetLanguage);
        api.MapGet("/ui-strings", GetUiStringsAsync);
        return endpoints;
    }

    /// <summary>The languages the picker offers: those with a <c>ui.json</c>.</summary>
    internal static Ok<IReadOnlyList<LanguageInfo>> GetLanguages(LanguageCatalog catalog) =>
        TypedResults.Ok(catalog.GetAvailable());

    /// <summary>Any known language's name and direction, strings or not, for a <c>?lang=</c> preview.</summary>
    internal static Results<Ok<LanguageInfo>, NotFound> GetLanguage(string tag, LanguageCatalog catalog) =>
        catalog.Find(tag) is { } language ? TypedResults.Ok(language) : TypedResults.NotFound();

    /// <summary>The page's strings for <paramref name="locale"/>, falling back key by key to English.</summary>
    internal static async Task<Results<Ok<IReadOnlyDictionary<string, string>>, ValidationProblem>> GetUiStringsAsync(
        string? locale, LanguageCatalog catalog, HttpResponse response, CancellationToken cancellationToken)
    {
        var tag = LanguageCatalog.NormalizeTag(locale ?? LanguageCatalog.FallbackLanguage);
        if (tag is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["locale"] = ["Expected a BCP-47 language tag such as 'en' or 'ar-EG'."],
            });
        }

        var ui = await catalog.GetUiStringsAsync(tag, cancellationToken);
        response.Headers.ContentLanguage = ui.Language;
        return TypedResults.Ok(ui.Strings);
    }
}
