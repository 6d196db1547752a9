using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Bot.Protocol;

/// <summary>A user or bot on a channel: <c>{id,name,role}</c>.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
