using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Bot.Conversation;

/// <summary>The stored form of <see cref="HostConversationState"/>: camelCase JSON with enums as names, so it survives reordering.</summary>
public static class ConversationStateJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(HostConversationState state) => JsonSerializer.Serialize(state, Options);

    public static HostConversationState? Deserialize(string json) => JsonSerializer.Deserialize<HostConversationState>(json, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
