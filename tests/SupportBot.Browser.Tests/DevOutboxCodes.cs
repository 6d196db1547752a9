using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace SupportBot.Browser.Tests;

/// <summary>
/// Reads the codes the demo sink "delivered" (GET /dev/outbox), as a tester would. Servers are shared by several
/// tests and every escalation also sends security notices to the same contacts, so a test notes how many codes a
/// contact had before asking for one and waits for the next: the last message may be someone else's or a notice.
/// </summary>
internal static partial class DevOutboxCodes
{
    /// <summary>How many code messages <paramref name="to"/> has received so far.</summary>
    public static async Task<int> CountAsync(HttpClient http, string to) => (await CodesToAsync(http, to)).Count;

    /// <summary>Waits for code message number <paramref name="seenBefore"/> + 1 to <paramref name="to"/>; returns the code as a user types it (ASCII digits).</summary>
    public static async Task<string> WaitForNextAsync(HttpClient http, string to, int seenBefore)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            var codes = await CodesToAsync(http, to);
            if (codes.Count > seenBefore)
            {
                return string.Concat(codes[seenBefore].Select(digit => (char)('0' + (int)CharUnicodeInfo.GetDecimalDigitValue(digit))));
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No code #{seenBefore + 1} was delivered to {to}.");
    }

    private static async Task<List<string>> CodesToAsync(HttpClient http, string to)
    {
        var messages = await http.GetFromJsonAsync<JsonElement>("/dev/outbox", TestContext.Current.CancellationToken);
        return [.. messages.EnumerateArray()
            .Where(message => message.GetProperty("to").GetString() == to)
            .Select(message => Code().Match(message.GetProperty("text").GetString()!))
            .Where(match => match.Success)
            .Select(match => match.Value)];
    }

    // A whole run of digits in any script: the "this wasn't me" codes in notices mix digits and letters.
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])\p{Nd}{6,10}(?![\p{L}\p{Nd}])")]
    private static partial Regex Code();
}
