using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>Reads what the demo sink "delivered", as a tester would at GET /dev/outbox.</summary>
public static partial class DevOutbox
{
    public static async Task<IReadOnlyList<JsonElement>> ReadAsync(HttpClient http) =>
        [.. (await http.GetFromJsonAsync<JsonElement>("/dev/outbox")).EnumerateArray().Select(message => message.Clone())];

    /// <summary>How many code messages <paramref name="to"/> has received so far (security notices not counted).</summary>
    public static async Task<int> CountCodeMessagesAsync(HttpClient http, string to) =>
        (await ReadAsync(http)).Count(message => IsCodeMessageTo(message, to));

    /// <summary>Waits for the <paramref name="nth"/> (1-based) code message to <paramref name="to"/> and returns the code in it.</summary>
    public static async Task<string> WaitForCodeAsync(HttpClient http, string to, int nth = 1)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            // Only messages that carry a code: security notices to the same contact are not code messages.
            var messages = (await ReadAsync(http)).Where(message => IsCodeMessageTo(message, to)).ToList();
            if (messages.Count >= nth)
            {
                return Code().Match(messages[nth - 1].GetProperty("text").GetString()!).Value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No message #{nth} to {to} in the dev outbox.");
    }

    private static bool IsCodeMessageTo(JsonElement message, string to) =>
        message.GetProperty("to").GetString() == to && Code().IsMatch(message.GetProperty("text").GetString()!);

    // A whole run of digits: the "this wasn't me" codes in notices mix digits and letters and must not count.
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{6,10}(?![0-9A-Za-z])")]
    private static partial Regex Code();
}
