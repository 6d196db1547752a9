using System.Globalization;
using System.Net;
using System.Text;
using SupportBot.Bot.Localization;

namespace SupportBot.Bot.Security.Repudiation;

/// <summary>
/// <c>/security/not-me</c>: the page a notice links to. GET shows the code and a button; only the POST flags the case,
/// so a mail scanner that follows the link repudiates nothing. No script; the form posts to this origin only.
/// </summary>
internal static class RepudiationEndpoints
{
    public const string Path = "/security/not-me";

    private const string PageContentSecurityPolicy = "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapRepudiation(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (string? code, string? lang, HttpContext context, ITextRenderer text, SupportedLanguages languages) =>
            Page(context, text, Language(languages, lang), language => Form(text, language, code)))
            .ExcludeFromDescription();
        endpoints.MapPost(Path, async (HttpContext context, RepudiationService repudiation, ITextRenderer text, SupportedLanguages languages) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            var language = Language(languages, form?["lang"]);
            var result = await repudiation.RepudiateAsync(form?["code"], context.RequestAborted);
            return result is null
                ? Page(context, text, language, l => Paragraph(text.Render(l, "security.repudiation.unknown")) + Form(text, l, null), HttpStatusCode.NotFound)
                : Page(context, text, language, l => Paragraph(text.Render(l, "security.repudiation.done", new Dictionary<string, object?> { ["caseId"] = result.CaseId })));
        }).DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    private static string Language(SupportedLanguages languages, string? requested) => languages.Resolve(requested) ?? languages.Default;

    private static IResult Page(HttpContext context, ITextRenderer text, string language, Func<string, string> body, HttpStatusCode status = HttpStatusCode.OK)
    {
        context.Response.Headers.ContentSecurityPolicy = PageContentSecurityPolicy;
        context.Response.Headers.CacheControl = "no-store";
        var direction = CultureInfo.GetCultureInfo(language).TextInfo.IsRightToLeft ? "rtl" : "ltr";
        var title = Encode(text.Render(language, "security.repudiation.title"));
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"").Append(Encode(language)).Append("\" dir=\"").Append(direction).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(title).Append("</title></head><body><main><h1>")
            .Append(title).Append("</h1>").Append(body(language)).Append("</main></body></html>")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, (int)status);
    }

    private static string Form(ITextRenderer text, string language, string? code) =>
        Paragraph(text.Render(language, "security.repudiation.intro"))
        + $"<form method=\"post\" action=\"{Path}\"><input type=\"hidden\" name=\"lang\" value=\"{Encode(language)}\">"
        + $"<label>{Encode(text.Render(language, "security.repudiation.code-label"))} <input name=\"code\" autocomplete=\"off\" maxlength=\"32\" value=\"{Encode(code ?? string.Empty)}\"></label> "
        + $"<button type=\"submit\">{Encode(text.Render(language, "security.repudiation.submit"))}</button></form>";

    private static string Paragraph(string text) => "<p>" + Encode(text) + "</p>";

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
