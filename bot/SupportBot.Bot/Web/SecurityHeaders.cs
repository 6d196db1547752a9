namespace SupportBot.Bot.Web;

/// <summary>The response headers that keep the page and the API out of frames, sniffing and referrers.</summary>
internal static class SecurityHeaders
{
    /// <summary>For every response: nothing may load from it, frame it, or be posted from it.</summary>
    public const string DefaultContentSecurityPolicy =
        "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// SHA-256 of the empty string. Web Chat's CSS-in-JS (emotion) inserts empty <c>&lt;style&gt;</c> elements and
    /// fills them through the CSSOM, which CSP does not govern. Web Chat forwards its <c>nonce</c> prop to only one
    /// of its two style caches (react-scroll-to-bottom gets none in 4.18.1), so allowing exactly the empty element
    /// is what lets both run without <c>'unsafe-inline'</c>.
    /// </summary>
    public const string EmptyStyleHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

    /// <summary>Adds the headers every response carries; an HTML page replaces the policy with <see cref="ForPage"/>.</summary>
    public static void ApplyDefaults(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = DefaultContentSecurityPolicy;
    }

    /// <summary>
    /// The policy of a page served from <c>wwwroot</c>: scripts, styles and images from this origin only (no inline
    /// script, no <c>eval</c>), and the Direct Line WebSocket back to the same host.
    /// </summary>
    /// <param name="host">The request's host and port, for the <c>ws:</c>/<c>wss:</c> sources older browsers do not derive from <c>'self'</c>.</param>
    public static string ForPage(HostString host)
    {
        var origin = host.ToUriComponent();
        return "default-src 'none'; script-src 'self'; worker-src 'self'; " +
            $"style-src 'self' {EmptyStyleHash}; img-src 'self' data: blob:; font-src 'self'; media-src 'self' blob:; " +
            $"connect-src 'self' ws://{origin} wss://{origin}; manifest-src 'self'; " +
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";
    }
}
