using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Bot.Protocol;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// The protocol's JSON options plus one rule of the Direct Line wire: UTC timestamps end in <c>Z</c>
/// (docs/protocol.md §2), where System.Text.Json would write <c>+00:00</c>.
/// </summary>
internal static class DirectLineJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Parsing rules for request bodies: duplicate names are an error, not a silent "last one wins".</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = 64,
    };

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(ProtocolJson.Options);
        options.Converters.Add(new UtcZuluConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Writes offset-zero values as <c>…Z</c>; other offsets (a <c>localTimestamp</c>) keep theirs.</summary>
    private sealed class UtcZuluConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            if (value.Offset == TimeSpan.Zero)
            {
                writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }
    }
}
