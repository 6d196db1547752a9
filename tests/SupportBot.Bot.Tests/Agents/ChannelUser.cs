using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Bot.Tests.Infrastructure;
using Xunit;

namespace SupportBot.Bot.Tests.Agents;

/// <summary>
/// A user on a Bot Connector channel: turns answered in the response (<c>expectReplies</c>), and the channel's
/// <c>serviceUrl</c> pointing at a local Connector API, where messages sent outside a turn (agent, notices) arrive.
/// </summary>
internal sealed partial class ChannelUser(HttpClient http, string conversationId, string serviceUrl, string locale = "en-US")
{
    public string ConversationId => conversationId;

    public IReadOnlyList<JsonElement> LastReplies { get; private set; } = [];

    public string LastText => string.Join("\n", LastReplies.Select(r => r.TryGetProperty("text", out var t) ? t.GetString() : null));

    public Task SayAsync(string text) => PostAsync(new { type = "message", text });

    public Task PressAsync(string action, string title = "button") => PostAsync(new { type = "message", text = title, value = new { action } });

    /// <summary>Fills the last replies' code box and presses its submit button, as Web Chat does.</summary>
    public Task SubmitCodeAsync(string code) => PostAsync(CodeBox.Activity(LastReplies, code));

    /// <summary>Walks maria's plain path (one code by email) to the queue and returns the case id.</summary>
    public async Task<string> VerifyAndEscalateAsync(string account = "maria@example.com")
    {
        await PostAsync(new { type = "conversationUpdate", membersAdded = new[] { new { id = "user-" + conversationId } } });
        await PressAsync("human");
        await SayAsync(account);
        var before = (await DevOutbox.ReadAsync(http)).Count(m => m.GetProperty("to").GetString() == account);
        await PressAsync("method:email");
        await SubmitCodeAsync(await DevOutbox.WaitForCodeAsync(http, account, before + 1));
        var match = CaseNumber().Match(LastText);
        Assert.True(match.Success, LastText);
        return match.Value;
    }

    /// <summary>The channel's "conversation started" (the bot greets and shows the first-line menu).</summary>
    public Task StartAsync() =>
        PostAsync(new { type = "conversationUpdate", membersAdded = new[] { new { id = "user-" + conversationId } } });

    /// <summary>
    /// Asks for a person, gives <paramref name="identifier"/>, picks <paramref name="method"/> and types the
    /// <paramref name="nth"/> code the demo sink delivered to <paramref name="codeTo"/>; returns the case id.
    /// </summary>
    public async Task<string> IdentifyAndVerifyAsync(string identifier, string method, string codeTo, int nth = 1)
    {
        await PressAsync("human");
        await SayAsync(identifier);
        await PressAsync(method);
        await SubmitCodeAsync(await DevOutbox.WaitForCodeAsync(http, codeTo, nth));
        var match = CaseNumber().Match(LastText);
        Assert.True(match.Success, LastText);
        return match.Value;
    }

    /// <summary>Any activity fields (e.g. attachments); the addressing is filled in as for a typed message.</summary>
    public Task SendActivityAsync(object partial) => PostAsync(partial);

    private async Task PostAsync(object partial)
    {
        var activity = JsonSerializer.SerializeToElement(partial);
        var full = new Dictionary<string, object?>
        {
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "test",
            ["serviceUrl"] = serviceUrl,
            ["deliveryMode"] = "expectReplies",
            ["locale"] = locale,
            ["from"] = new { id = "user-" + conversationId, role = "user" },
            ["recipient"] = new { id = "supportbot", role = "bot" },
            ["conversation"] = new { id = conversationId },
        };
        foreach (var property in activity.EnumerateObject())
        {
            full[property.Name] = property.Value;
        }

        using var response = await http.PostAsJsonAsync("/api/messages", full, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"/api/messages answered {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        LastReplies = [.. document.RootElement.GetProperty("activities").EnumerateArray().Select(reply => reply.Clone())];
    }

    [GeneratedRegex(@"SB-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    public static partial Regex CaseNumber();
}
