using System.Net.Http.Json;
using System.Text.Json;

namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>A user talking to /api/messages with deliveryMode expectReplies: each send returns the bot's replies.</summary>
public sealed class ExpectRepliesClient(HttpClient http, string conversationId, string? locale = "en-US", string? userId = null)
{
    public string ConversationId { get; } = conversationId;

    public IReadOnlyList<JsonElement> LastReplies { get; private set; } = [];

    public string LastText => string.Join("\n", LastReplies.Select(reply => reply.TryGetProperty("text", out var text) ? text.GetString() : null));

    public IReadOnlyList<string> LastButtons =>
        [.. LastReplies.Where(reply => reply.TryGetProperty("suggestedActions", out _))
            .SelectMany(reply => reply.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray())
            .Select(action => action.GetProperty("value").GetProperty("action").GetString()!)];

    public IReadOnlyList<string> LastButtonTitles =>
        [.. LastReplies.Where(reply => reply.TryGetProperty("suggestedActions", out _))
            .SelectMany(reply => reply.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray())
            .Select(action => action.GetProperty("title").GetString()!)];

    public Task<IReadOnlyList<JsonElement>> StartAsync() => PostAsync(new
    {
        type = "conversationUpdate",
        membersAdded = new[] { new { id = userId ?? "user-" + ConversationId } },
    });

    public Task<IReadOnlyList<JsonElement>> SayAsync(string text) => PostAsync(new { type = "message", text });

    /// <summary>The code box (an Adaptive Card) on the last replies, or null.</summary>
    public JsonElement? LastCodeBox => CodeBox.Find(LastReplies);

    /// <summary>Fills the last replies' code box with <paramref name="code"/> and presses its submit button, as Web Chat does.</summary>
    public Task<IReadOnlyList<JsonElement>> SubmitCodeAsync(string code) => PostAsync(CodeBox.Activity(LastReplies, code));

    /// <summary>Posts a raw message value (a client that sends something else than the box would).</summary>
    public Task<IReadOnlyList<JsonElement>> SendValueAsync(object value) => PostAsync(new { type = "message", value });

    public Task<IReadOnlyList<JsonElement>> PressAsync(string action, string title = "button") =>
        PostAsync(new { type = "message", text = title, value = new { action } });

    private async Task<IReadOnlyList<JsonElement>> PostAsync(object partial)
    {
        var activity = JsonSerializer.SerializeToElement(partial);
        var full = new Dictionary<string, object?>
        {
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "test",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["deliveryMode"] = "expectReplies",
            ["locale"] = locale,
            ["from"] = new { id = userId ?? "user-" + ConversationId, role = "user" },
            ["recipient"] = new { id = "supportbot", role = "bot" },
            ["conversation"] = new { id = ConversationId },
        };
        foreach (var property in activity.EnumerateObject())
        {
            full[property.Name] = property.Value;
        }

        using var response = await http.PostAsJsonAsync("/api/messages", full);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"/api/messages answered {(int)response.StatusCode}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        LastReplies = [.. document.RootElement.GetProperty("activities").EnumerateArray().Select(reply => reply.Clone())];
        return LastReplies;
    }
}
