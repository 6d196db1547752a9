using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace SupportBot.Bot.Tests.BotConnector;

/// <summary>Activities and requests shared by the connector tests.</summary>
internal static class BotConnectorTestData
{
    public const string AppId = "7d3b5c2e-1f4a-4b8e-9c6d-2a1b3c4d5e6f";
    public const string AppPassword = "test-secret";
    public static readonly DateTimeOffset Now = new(2031, 3, 4, 5, 6, 7, TimeSpan.Zero);

    /// <summary>A message as a channel sends it; <paramref name="configure"/> may change any field.</summary>
    public static JsonObject Message(string serviceUrl, string conversationId = "conv-1", string text = "hi", string channelId = "msteams")
        => new()
        {
            ["type"] = "message",
            ["id"] = "act-1",
            ["timestamp"] = "2031-03-04T05:06:00Z",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = channelId,
            ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User", ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "SupportBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["locale"] = "fr-FR",
            ["text"] = text,
            ["unknownField"] = new JsonObject { ["kept"] = true },
        };

    public static HttpRequestMessage Post(JsonNode activity, string? bearer = null) =>
        Post(Encoding.UTF8.GetBytes(activity.ToJsonString()), bearer);

    public static HttpRequestMessage Post(byte[] body, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
}
