using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>Small rules shared by the endpoints: ids, locales, stream URLs, no caching of tokens.</summary>
internal static class DirectLineRequests
{
    /// <summary>A user id a caller may choose: non-blank, at most 256 characters, no control characters.</summary>
    public static bool IsValidUserId(string? userId) =>
        !string.IsNullOrWhiteSpace(userId)
        && userId.Length <= DirectLineConstants.MaxIdLength
        && !userId.Any(char.IsControl);

    /// <summary>
    /// A locale to pass on, or <see langword="null"/>. A locale is never a reason to refuse a request (SPEC A3020);
    /// one that cannot be a BCP-47 tag is simply not used.
    /// </summary>
    public static string? NormalizeLocale(string? locale) =>
        locale is { Length: > 0 and <= DirectLineConstants.MaxLocaleLength } && locale.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? locale
            : null;

    /// <summary>
    /// The stream URL: <c>ws://</c> or <c>wss://</c> as the request came in, because DirectLineJS passes it to
    /// <c>new WebSocket</c> verbatim; the token rides in <c>t</c> because a browser WebSocket cannot send headers.
    /// </summary>
    public static string StreamUrl(HttpRequest request, string conversationId, string token, long? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var query = watermark is { } value
            ? QueryString.Create([new KeyValuePair<string, string?>("watermark", DirectLineIds.FormatWatermark(value)), new("t", token)])
            : QueryString.Create("t", token);
        return string.Create(CultureInfo.InvariantCulture,
            $"{scheme}://{request.Host}{request.PathBase}{DirectLineConstants.RoutePrefix}/conversations/{Uri.EscapeDataString(conversationId)}/stream{query}");
    }

    /// <summary>Responses carrying a token must not be cached by anything in between.</summary>
    public static void NoStore(HttpResponse response)
    {
        response.Headers[HeaderNames.CacheControl] = "no-store";
        response.Headers[HeaderNames.Pragma] = "no-cache";
    }
}
