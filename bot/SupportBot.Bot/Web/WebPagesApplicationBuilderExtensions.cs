using Microsoft.AspNetCore.StaticFiles;

namespace SupportBot.Bot.Web;

/// <summary>The middleware of the built-in web page: security headers and the files under <c>wwwroot</c>.</summary>
internal static class WebPagesApplicationBuilderExtensions
{
    /// <summary>A static file requested with a version query (<c>webchat.js?v=4.18.1</c>) never changes.</summary>
    private const string VersionQueryKey = "v";

    public static IApplicationBuilder UseWebPages(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            SecurityHeaders.ApplyDefaults(context.Response.Headers);
            return next(context);
        });

        // `/` serves wwwroot/index.html. Channel and API calls never name a file, so they skip the file lookups.
        app.UseWhen(
            static context => !IsApiPath(context.Request.Path),
            static files =>
            {
                files.UseDefaultFiles();
                files.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = PrepareStaticFile });
            });
        return app;
    }

    private static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/v3", StringComparison.OrdinalIgnoreCase);

    private static void PrepareStaticFile(StaticFileResponseContext context)
    {
        var request = context.Context.Request;
        var headers = context.Context.Response.Headers;

        // Unversioned files revalidate on every use (the ETag makes that a 304); versioned ones are cached for good.
        headers.CacheControl = request.Query.ContainsKey(VersionQueryKey)
            ? "public, max-age=31536000, immutable"
            : "no-cache";

        if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = SecurityHeaders.ForPage(request.Host);
        }
    }
}
