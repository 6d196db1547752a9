using System.Text.Encodings.Web;
using System.Text.Json;

namespace SupportBot.Bot.Delivery.Sms;

/// <summary>Fills the gateway's body template. Values are JSON-string-escaped, so a message cannot break out of its field.</summary>
internal static class SmsRequestBody
{
    public static string Render(string template, string to, string text) =>
        template.Replace("{to}", Escape(to), StringComparison.Ordinal).Replace("{text}", Escape(text), StringComparison.Ordinal);

    private static string Escape(string value)
    {
        // Serialize as a JSON string and drop the quotes: the template supplies them.
        var quoted = JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return quoted[1..^1];
    }
}
