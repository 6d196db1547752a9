using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Bot.Protocol;

/// <summary>The one set of JSON options for everything on the Bot Framework wire.</summary>
public static class ProtocolJson
{
    /// <summary>camelCase, nulls omitted, case-insensitive on read (channels differ).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
