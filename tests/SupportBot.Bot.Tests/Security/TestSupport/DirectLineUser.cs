using System.Net;
using System.Text.Json;
using SupportBot.Bot.Tests.DirectLine.TestSupport;

namespace SupportBot.Bot.Tests.Security.TestSupport;

/// <summary>A person in Web Chat: a Direct Line conversation through the token exchange, messages with a locale, replies by polling.</summary>
internal sealed class DirectLineUser
{
    private readonly HttpClient _client;
    private readonly DirectLineSession _session;
    private readonly string _locale;
    private long _watermark = -1;

    private DirectLineUser(HttpClient client, DirectLineSession session, string locale)
    {
        _client = client;
        _session = session;
        _locale = locale;
    }

    public string ConversationId => _session.ConversationId;

    /// <summary>The bot's replies to the last message: text, and the action values of its buttons.</summary>
    public IReadOnlyList<JsonElement> LastReplies { get; private set; } = [];

    public string LastText => string.Join("\n", LastReplies.Select(reply => reply.TryGetProperty("text", out var text) ? text.GetString() : null));

    public IReadOnlyList<string> LastButtons =>
        [.. LastReplies.Where(reply => reply.TryGetProperty("suggestedActions", out _))
            .SelectMany(reply => reply.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray())
            .Select(action => action.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("action", out var name)
                ? name.GetString()!
                : action.GetProperty("title").GetString()!)];

    /// <summary>The display name the client sends (Web Chat lets the page set it; an attacker sets anything).</summary>
    public string DisplayName { get; init; } = "Test User";

    public static async Task<DirectLineUser> StartAsync(HttpClient client, string locale = "en-US", string? displayName = null)
    {
        var user = new DirectLineUser(client, await DirectLineSession.StartAsync(client, locale), locale) { DisplayName = displayName ?? "Test User" };
        await user.PostAsync(new { type = "event", name = "webchat/join", locale });
        return user;
    }

    /// <summary>A user of a conversation started some other way (a token without the bot challenge, one minted with the secret).</summary>
    public static async Task<DirectLineUser> JoinAsync(HttpClient client, DirectLineSession session, string locale = "en-US")
    {
        var user = new DirectLineUser(client, session, locale);
        await user.PostAsync(new { type = "event", name = "webchat/join", locale });
        return user;
    }

    public Task SayAsync(string text) => PostAsync(new { type = "message", text });

    /// <summary>The code box (an Adaptive Card) on the last replies, or null.</summary>
    public JsonElement? LastCodeBox => SupportBot.Bot.Tests.Infrastructure.CodeBox.Find(LastReplies);

    /// <summary>Fills the last replies' code box with <paramref name="code"/> and presses its submit button, as Web Chat does.</summary>
    public Task SubmitCodeAsync(string code) => PostAsync(SupportBot.Bot.Tests.Infrastructure.CodeBox.Activity(LastReplies, code));

    public Task PressAsync(string action, string title = "button") => PostAsync(new { type = "message", text = title, value = new { action } });

    /// <summary>Everything stored for the conversation, as a reconnecting client reads it.</summary>
    public async Task<JsonElement[]> TranscriptAsync() => await _session.GetAllActivitiesAsync(_client);

    /// <summary>Any activity fields (e.g. attachments), sent as Web Chat would send them.</summary>
    public Task SendActivityAsync(object activity) => PostAsync(activity);

    private async Task PostAsync(object activity)
    {
        var json = JsonSerializer.SerializeToElement(activity);
        var full = new Dictionary<string, object?> { ["locale"] = _locale, ["from"] = new { id = _session.UserId, name = DisplayName, role = "user" } };
        foreach (var property in json.EnumerateObject())
        {
            full[property.Name] = property.Value;
        }

        await (await _client.PostJsonAsync(_session.ActivitiesPath, _session.Token, JsonSerializer.Serialize(full))).ExpectAsync(HttpStatusCode.OK);
        var set = await (await _client.GetAsync(_session.ActivitiesPath + "?watermark=" + (_watermark < 0 ? "" : _watermark.ToString(System.Globalization.CultureInfo.InvariantCulture)), _session.Token))
            .ExpectAsync(HttpStatusCode.OK);
        _watermark = long.Parse(set.GetProperty("watermark").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        LastReplies = [.. set.GetProperty("activities").EnumerateArray().Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot").Select(a => a.Clone())];
    }
}
